package vn.childprotection.platform.audit.domain;

import vn.childprotection.platform.access.audit.AuditChainVerifier.Broken;
import vn.childprotection.platform.access.audit.AuditRecord;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Retention of one producer's chain, one slice of it at a time: the records to purge are the chain's head, in
 * sequence order, up to the first record that is not older than the horizon — never a record in the middle of the
 * retained chain, so what stays is one unbroken stretch that continues from the purge's anchor. The purged records
 * are walked ({@link ChainWalk}) so that the anchor is the last one's sequence number and hash and a break among
 * them is kept in the marker instead of vanishing with them.
 */
public final class ChainPurge {

    /**
     * @param marker the marker after this slice, or empty when nothing of it is purged
     * @param more   whether the chain may hold more records to purge after this slice
     */
    public record Step(Optional<PurgeMarker> marker, boolean more) {
    }

    private ChainPurge() {
    }

    /**
     * @param producer the chain
     * @param previous what earlier purges removed, if anything
     * @param slice    the next records after the previous anchor, in sequence order (at most {@code sliceSize})
     * @param horizon  records that happened before it are purged
     */
    public static Step step(String producer, Optional<PurgeMarker> previous, List<AuditRecord> slice,
                            int sliceSize, Instant horizon, Instant now) {
        List<AuditRecord> candidates = completeSequences(slice, sliceSize);
        ChainWalk walk = ChainWalk.from(producer, previous.map(PurgeMarker::anchor).orElse(ChainAnchor.GENESIS));
        Broken firstBreak = previous.map(PurgeMarker::firstBreak).orElse(null);
        Instant lastRecordAt = previous.map(PurgeMarker::lastRecordAt).orElse(null);
        long purged = 0;
        boolean reachedHorizon = false;
        for (AuditRecord record : candidates) {
            if (!record.at().isBefore(horizon)) {
                reachedHorizon = true;
                break;
            }
            Optional<Broken> broken = walk.next(record);
            if (broken.isPresent()) {
                if (firstBreak == null) {
                    firstBreak = broken.get();
                }
                walk.resumeAfter(record);
            }
            if (lastRecordAt == null || record.at().isAfter(lastRecordAt)) {
                lastRecordAt = record.at();
            }
            purged++;
        }
        if (purged == 0) {
            return new Step(Optional.empty(), false);
        }
        long before = previous.map(PurgeMarker::purgedRecords).orElse(0L);
        PurgeMarker marker = new PurgeMarker(producer, walk.position(), lastRecordAt, before + purged, now,
                firstBreak);
        return new Step(Optional.of(marker), !reachedHorizon && slice.size() >= sliceSize);
    }

    /**
     * A full slice may end inside a group of records with one sequence number (a conflicting copy beside its
     * original): that group is left to the next slice, which reads it whole, so that the walk sees every copy.
     */
    static List<AuditRecord> completeSequences(List<AuditRecord> slice, int sliceSize) {
        if (slice.size() < sliceSize || slice.isEmpty()) {
            return slice;
        }
        long last = slice.getLast().sequence();
        int end = slice.size();
        while (end > 0 && slice.get(end - 1).sequence() == last) {
            end--;
        }
        return end == 0 ? slice : slice.subList(0, end);
    }
}
