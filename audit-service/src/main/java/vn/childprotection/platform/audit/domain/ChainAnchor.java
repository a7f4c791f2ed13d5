package vn.childprotection.platform.audit.domain;

import vn.childprotection.platform.access.audit.AuditChain;

/**
 * Where a producer's chain continues: the sequence number and hash of the record the next one must follow. A chain
 * starts at {@link #GENESIS} (no record yet); after retention purged its oldest records, at the last one purged.
 */
public record ChainAnchor(long sequence, String hash) {

    public static final ChainAnchor GENESIS = new ChainAnchor(0, AuditChain.GENESIS);

    public ChainAnchor {
        if (sequence < 0 || hash == null) {
            throw new IllegalArgumentException("an anchor has a sequence number of 0 or more and a hash");
        }
    }

    public boolean genesis() {
        return sequence == 0;
    }
}
