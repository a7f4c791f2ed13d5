package vn.childprotection.platform.audit.application;

import vn.childprotection.platform.access.audit.AuditRecord;
import vn.childprotection.platform.audit.application.port.out.AuditStore;
import vn.childprotection.platform.audit.application.port.out.PurgeMarkers;
import vn.childprotection.platform.audit.domain.ChainPurge;
import vn.childprotection.platform.audit.domain.PurgeMarker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Removes the records older than the retention period, chain by chain, from each chain's head
 * ({@link ChainPurge}): the purge's marker is saved first, then the records up to its anchor are deleted, so a purge
 * interrupted between the two is finished by the next one (records at or before a marker are never read again:
 * verification and intake start after it). Runs on a schedule; several instances purging at once do the same work
 * twice, never harm (markers only move forward, deletes are repeated).
 */
public final class Retention {

    /** @param producers chains purged; @param records records deleted */
    public record Result(int producers, long records) {
    }

    private final AuditStore store;
    private final PurgeMarkers markers;
    private final Duration retention;
    private final int sliceSize;
    private final Clock clock;

    /**
     * @param retention how long a record is kept after it happened
     * @param sliceSize records of a chain read, walked and deleted per step
     */
    public Retention(AuditStore store, PurgeMarkers markers, Duration retention, int sliceSize, Clock clock) {
        if (retention.isNegative() || retention.isZero() || sliceSize < 1) {
            throw new IllegalArgumentException("a positive retention and slice size");
        }
        this.store = store;
        this.markers = markers;
        this.retention = retention;
        this.sliceSize = sliceSize;
        this.clock = clock;
    }

    public Duration retention() {
        return retention;
    }

    /** Purges every chain's records that happened before now minus the retention period. */
    public Result purge() {
        Instant now = clock.instant();
        Instant horizon = now.minus(retention);
        int chains = 0;
        long deleted = 0;
        for (String producer : new TreeSet<>(store.producersWithRecordsBefore(horizon))) {
            long fromChain = purge(producer, horizon, now);
            if (fromChain > 0) {
                chains++;
                deleted += fromChain;
            }
        }
        return new Result(chains, deleted);
    }

    private long purge(String producer, Instant horizon, Instant now) {
        Optional<PurgeMarker> marker = markers.find(producer);
        long deleted = marker.map(m -> store.deleteThrough(producer, m.anchor().sequence())).orElse(0L);
        while (true) {
            long after = marker.map(m -> m.anchor().sequence()).orElse(0L);
            List<AuditRecord> slice = store.chainSlice(producer, after, sliceSize);
            ChainPurge.Step step = ChainPurge.step(producer, marker, slice, sliceSize, horizon, now);
            if (step.marker().isEmpty()) {
                return deleted;
            }
            PurgeMarker advanced = step.marker().get();
            markers.advance(advanced);
            deleted += store.deleteThrough(producer, advanced.anchor().sequence());
            marker = Optional.of(advanced);
            if (!step.more()) {
                return deleted;
            }
        }
    }
}
