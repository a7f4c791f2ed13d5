package vn.childprotection.platform.audit.domain;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.access.audit.AuditChain;
import vn.childprotection.platform.access.audit.AuditChainVerifier.Broken;
import vn.childprotection.platform.access.audit.AuditChainVerifier.Problem;
import vn.childprotection.platform.access.audit.AuditRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.platform.audit.fixtures.Chains.T0;
import static vn.childprotection.platform.audit.fixtures.Chains.chain;
import static vn.childprotection.platform.audit.fixtures.Chains.draft;
import static vn.childprotection.platform.audit.fixtures.Chains.withAction;

class ChainPurgeTest {

    private static final String P = "notification-service-0badcafe";
    private static final Instant NOW = T0.plus(Duration.ofDays(3));

    @Test
    void the_head_older_than_the_horizon_is_purged_and_the_anchor_is_its_last_record() {
        List<AuditRecord> records = chain(P, 10); // one minute apart from T0
        Instant horizon = T0.plus(Duration.ofMinutes(4)); // records 1..4 are older

        ChainPurge.Step step = ChainPurge.step(P, Optional.empty(), records, 1000, horizon, NOW);

        PurgeMarker marker = step.marker().orElseThrow();
        assertThat(marker.anchor()).isEqualTo(new ChainAnchor(4, records.get(3).hash()));
        assertThat(marker.purgedRecords()).isEqualTo(4);
        assertThat(marker.lastRecordAt()).isEqualTo(records.get(3).at());
        assertThat(marker.purgedAt()).isEqualTo(NOW);
        assertThat(marker.firstBreak()).isNull();
        assertThat(step.more()).isFalse();
    }

    @Test
    void an_old_record_behind_a_younger_one_waits_until_the_head_reaches_it() {
        List<AuditRecord> records = new ArrayList<>();
        for (int minutes : new int[]{0, 10, 1}) { // the third record's clock was behind the second's
            records.add(AuditChain.append(records.isEmpty() ? null : records.getLast(),
                    draft(P, T0.plus(Duration.ofMinutes(minutes)), records.size())));
        }
        Instant horizon = T0.plus(Duration.ofMinutes(5));

        ChainPurge.Step step = ChainPurge.step(P, Optional.empty(), records, 1000, horizon, NOW);

        assertThat(step.marker().orElseThrow().anchor().sequence()).isEqualTo(1);
        assertThat(step.more()).isFalse();
    }

    @Test
    void nothing_older_than_the_horizon_purges_nothing() {
        ChainPurge.Step step = ChainPurge.step(P, Optional.empty(), chain(P, 3), 1000, T0, NOW);

        assertThat(step).isEqualTo(new ChainPurge.Step(Optional.empty(), false));
    }

    @Test
    void a_break_among_the_purged_records_is_kept_in_the_marker_and_the_purge_goes_on() {
        List<AuditRecord> records = chain(P, 6);
        records.set(1, withAction(records.get(1), "REVEAL_INFORMANT"));
        records.remove(3);

        ChainPurge.Step step = ChainPurge.step(P, Optional.empty(), records, 1000, NOW, NOW);

        PurgeMarker marker = step.marker().orElseThrow();
        assertThat(marker.firstBreak()).isEqualTo(new Broken(P, 2, Problem.ALTERED,
                "its fields do not give its hash"));
        assertThat(marker.anchor()).isEqualTo(new ChainAnchor(6, records.getLast().hash()));
        assertThat(marker.purgedRecords()).isEqualTo(5);
    }

    @Test
    void a_second_slice_continues_from_the_first_ones_marker() {
        List<AuditRecord> records = chain(P, 7);
        ChainPurge.Step first = ChainPurge.step(P, Optional.empty(), records.subList(0, 3), 3, NOW, NOW);
        assertThat(first.marker().orElseThrow().anchor().sequence())
                .as("the slice's last record waits: a copy of it could follow the slice").isEqualTo(2);
        assertThat(first.more()).isTrue();

        ChainPurge.Step second = ChainPurge.step(P, first.marker(), records.subList(2, 5), 3, NOW, NOW);

        PurgeMarker marker = second.marker().orElseThrow();
        assertThat(marker.anchor()).isEqualTo(new ChainAnchor(4, records.get(3).hash()));
        assertThat(marker.purgedRecords()).isEqualTo(4);
        assertThat(marker.firstBreak()).as("the slices join without a break").isNull();
    }

    @Test
    void a_full_slice_leaves_a_trailing_group_of_one_sequence_number_to_the_next_slice() {
        List<AuditRecord> records = new ArrayList<>(chain(P, 3));
        records.add(withAction(records.get(2), "READ_REFERRAL")); // a conflicting copy of record 3

        ChainPurge.Step step = ChainPurge.step(P, Optional.empty(), records, 4, NOW, NOW);

        assertThat(step.marker().orElseThrow().anchor().sequence()).isEqualTo(2);
        assertThat(step.more()).isTrue();
        assertThat(ChainPurge.completeSequences(records.subList(2, 4), 2)).as("a slice of one group is read whole")
                .hasSize(2);
    }
}
