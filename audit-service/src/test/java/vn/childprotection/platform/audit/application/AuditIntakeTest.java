package vn.childprotection.platform.audit.application;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.access.audit.AuditRecord;
import vn.childprotection.platform.audit.domain.ChainAnchor;
import vn.childprotection.platform.audit.domain.PurgeMarker;
import vn.childprotection.platform.audit.domain.StoredRecord;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.platform.audit.fixtures.Chains.T0;
import static vn.childprotection.platform.audit.fixtures.Chains.chain;
import static vn.childprotection.platform.audit.fixtures.Chains.stored;
import static vn.childprotection.platform.audit.fixtures.Chains.withAction;

class AuditIntakeTest {

    private static final String P = "intake-service-5eed";

    private final InMemoryAuditStore store = new InMemoryAuditStore();
    private final InMemoryPurgeMarkers markers = new InMemoryPurgeMarkers();
    private final AuditIntake intake = new AuditIntake(store, markers);

    @Test
    void a_batch_is_stored_with_one_write() {
        AuditIntake.Outcome outcome = intake.store(stored(chain(P, 5)));

        assertThat(outcome).isEqualTo(new AuditIntake.Outcome(5, 0, 0, 0));
        assertThat(store.insertCommands).isEqualTo(1);
        assertThat(store.all()).hasSize(5);
    }

    @Test
    void a_replayed_record_is_stored_once_even_within_one_batch() {
        List<StoredRecord> records = stored(chain(P, 3));
        intake.store(records);
        List<StoredRecord> replay = new ArrayList<>(records);
        replay.add(records.getFirst());

        AuditIntake.Outcome outcome = intake.store(replay);

        assertThat(outcome).isEqualTo(new AuditIntake.Outcome(0, 4, 0, 0));
        assertThat(store.all()).hasSize(3);
    }

    @Test
    void a_record_under_a_known_event_id_with_other_content_is_kept_beside_it_once() {
        List<AuditRecord> chain = chain(P, 3);
        intake.store(stored(chain));
        StoredRecord forged = stored(withAction(chain.get(1), "REVEAL_INFORMANT"));

        AuditIntake.Outcome first = intake.store(List.of(forged));
        AuditIntake.Outcome again = intake.store(List.of(forged));

        assertThat(first).isEqualTo(new AuditIntake.Outcome(0, 0, 1, 0));
        assertThat(again).isEqualTo(new AuditIntake.Outcome(0, 1, 0, 0));
        assertThat(store.all()).hasSize(4).filteredOn(StoredRecord::conflicting).singleElement()
                .satisfies(copy -> {
                    assertThat(copy.eventId()).isEqualTo(forged.eventId());
                    assertThat(copy.record().action()).isEqualTo("REVEAL_INFORMANT");
                });
    }

    @Test
    void a_record_retention_purged_already_is_not_stored_again() {
        List<AuditRecord> chain = chain(P, 4);
        markers.advance(new PurgeMarker(P, new ChainAnchor(2, chain.get(1).hash()), chain.get(1).at(), 2, T0, null));

        AuditIntake.Outcome outcome = intake.store(stored(chain));

        assertThat(outcome).isEqualTo(new AuditIntake.Outcome(2, 0, 0, 2));
        assertThat(store.all()).extracting(s -> s.record().sequence()).containsExactly(3L, 4L);
    }
}
