package vn.childprotection.platform.audit.application;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.access.audit.AuditRecord;
import vn.childprotection.platform.audit.domain.ChainAnchor;
import vn.childprotection.platform.audit.domain.PurgeMarker;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.childprotection.platform.audit.fixtures.Chains.T0;
import static vn.childprotection.platform.audit.fixtures.Chains.chain;
import static vn.childprotection.platform.audit.fixtures.Chains.stored;

class RetentionTest {

    private static final String P = "reporting-service-cc";
    private static final Duration FIVE_YEARS = Duration.ofDays(1825);

    private final InMemoryAuditStore store = new InMemoryAuditStore();
    private final InMemoryPurgeMarkers markers = new InMemoryPurgeMarkers();
    private final List<AuditRecord> chain = chain(P, 10);

    RetentionTest() {
        store.insertNew(stored(chain));
    }

    private Retention retentionAt(Duration afterStart) {
        return new Retention(store, markers, FIVE_YEARS, 4, Clock.fixed(T0.plus(afterStart), ZoneOffset.UTC));
    }

    @Test
    void records_younger_than_the_retention_period_are_kept() {
        Retention.Result result = retentionAt(FIVE_YEARS).purge();

        assertThat(result).isEqualTo(new Retention.Result(0, 0));
        assertThat(store.all()).hasSize(10);
        assertThat(markers.markers).isEmpty();
    }

    @Test
    void records_older_are_purged_in_slices_and_the_marker_holds_the_last_one() {
        Retention.Result result = retentionAt(FIVE_YEARS.plusMinutes(6)).purge(); // records 1..6 are older

        assertThat(result).isEqualTo(new Retention.Result(1, 6));
        assertThat(store.all()).extracting(s -> s.record().sequence()).containsExactly(7L, 8L, 9L, 10L);
        PurgeMarker marker = markers.find(P).orElseThrow();
        assertThat(marker.anchor()).isEqualTo(new ChainAnchor(6, chain.get(5).hash()));
        assertThat(marker.purgedRecords()).isEqualTo(6);
    }

    @Test
    void a_purge_interrupted_between_its_marker_and_its_delete_is_finished_by_the_next_one() {
        markers.advance(new PurgeMarker(P, new ChainAnchor(3, chain.get(2).hash()), chain.get(2).at(), 3, T0, null));

        Retention.Result result = retentionAt(FIVE_YEARS.plusMinutes(2)).purge(); // records 1..2 older now

        assertThat(result.records()).isEqualTo(3);
        assertThat(store.all()).extracting(s -> s.record().sequence()).startsWith(4L);
        assertThat(markers.find(P).orElseThrow().anchor().sequence()).isEqualTo(3);
    }

    @Test
    void a_retention_period_must_be_positive() {
        assertThatThrownBy(() -> new Retention(store, markers, Duration.ZERO, 10, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
