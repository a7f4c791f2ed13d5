package vn.childprotection.platform.audit.domain;

import vn.childprotection.platform.access.audit.AuditChain;
import vn.childprotection.platform.access.audit.AuditChainVerifier;
import vn.childprotection.platform.access.audit.AuditChainVerifier.Broken;
import vn.childprotection.platform.access.audit.AuditChainVerifier.Problem;
import vn.childprotection.platform.access.audit.AuditRecord;

import java.util.Optional;

/**
 * One producer's chain walked record by record in sequence order from an anchor: the checks of
 * {@link AuditChainVerifier}, in the same order and with the same problems, for a chain that need not start at its
 * first record. {@code AuditChainVerifier} walks a chain from sequence 1; once retention has purged a chain's oldest
 * records, its retained part starts after the last record purged, whose sequence number and hash the purge kept
 * ({@link ChainAnchor}), and is walked from there. Retention itself walks the records it purges, to keep the anchor
 * and the first break it passes.
 */
public final class ChainWalk {

    private final String producer;
    private long lastSequence;
    private String lastHash;
    private long checked;

    private ChainWalk(String producer, ChainAnchor anchor) {
        this.producer = producer;
        this.lastSequence = anchor.sequence();
        this.lastHash = anchor.hash();
    }

    public static ChainWalk from(String producer, ChainAnchor anchor) {
        return new ChainWalk(producer, anchor);
    }

    /**
     * Checks the next record of the chain: empty when it continues it (it is then the one the following record must
     * follow), else the break it is, as {@link AuditChainVerifier} reports it. After a break the walk stays where it
     * was, unless {@link #resumeAfter} moves it.
     */
    public Optional<Broken> next(AuditRecord record) {
        if (!producer.equals(record.producer())) {
            throw new IllegalArgumentException("a record of another producer's chain");
        }
        if (!AuditChain.hashOf(record).equals(record.hash())) {
            return Optional.of(new Broken(producer, record.sequence(), Problem.ALTERED,
                    "its fields do not give its hash"));
        }
        long expected = lastSequence + 1;
        if (record.sequence() > expected) {
            return Optional.of(new Broken(producer, record.sequence(), Problem.MISSING,
                    "records " + expected + " to " + (record.sequence() - 1) + " are missing"));
        }
        if (record.sequence() < expected) {
            return Optional.of(new Broken(producer, record.sequence(), Problem.OUT_OF_ORDER,
                    "comes after record " + lastSequence));
        }
        if (!lastHash.equals(record.previousHash())) {
            return Optional.of(new Broken(producer, record.sequence(), Problem.NOT_LINKED,
                    "its predecessor hash is not record " + lastSequence + "'s"));
        }
        lastSequence = record.sequence();
        lastHash = record.hash();
        checked++;
        return Optional.empty();
    }

    /**
     * Continues the walk after a record that broke the chain, as if the chain went on from it (a record repeating or
     * going back leaves the walk where it was).
     */
    public void resumeAfter(AuditRecord broken) {
        if (broken.sequence() > lastSequence) {
            lastSequence = broken.sequence();
            lastHash = broken.hash();
        }
        checked++;
    }

    /** The record the next one must follow. */
    public ChainAnchor position() {
        return new ChainAnchor(lastSequence, lastHash);
    }

    /** Records walked so far. */
    public long checked() {
        return checked;
    }

    public String producer() {
        return producer;
    }
}
