package vn.childprotection.platform.audit.domain;

import vn.childprotection.platform.access.audit.AuditChainVerifier.Broken;

import java.time.Instant;

/**
 * What retention removed from the head of one producer's chain: every record up to {@code anchor} (its sequence
 * number and hash, which the first retained record must follow), how many, and the first break those records held,
 * so that a break stays reported after the records that showed it are gone.
 *
 * @param producer       the chain's producer
 * @param anchor         the last record purged: the retained chain continues after it
 * @param lastRecordAt   when the newest purged record happened
 * @param purgedRecords  records purged from the chain so far
 * @param purgedAt       when the last purge ran
 * @param firstBreak     the first break among the purged records, or {@code null}
 */
public record PurgeMarker(String producer, ChainAnchor anchor, Instant lastRecordAt, long purgedRecords,
                          Instant purgedAt, Broken firstBreak) {

    public PurgeMarker {
        if (producer == null || anchor == null || anchor.genesis()) {
            throw new IllegalArgumentException("a purge marker names a producer and a purged record");
        }
    }
}
