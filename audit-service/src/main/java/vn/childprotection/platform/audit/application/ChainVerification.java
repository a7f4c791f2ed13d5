package vn.childprotection.platform.audit.application;

import vn.childprotection.platform.access.audit.AuditChainVerifier;
import vn.childprotection.platform.access.audit.AuditChainVerifier.Broken;
import vn.childprotection.platform.access.audit.AuditRecord;
import vn.childprotection.platform.audit.application.port.out.AuditStore;
import vn.childprotection.platform.audit.application.port.out.PurgeMarkers;
import vn.childprotection.platform.audit.domain.ChainAnchor;
import vn.childprotection.platform.audit.domain.ChainWalk;
import vn.childprotection.platform.audit.domain.PurgeMarker;
import vn.childprotection.platform.audit.domain.TrailVerification;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

/**
 * Verifies every producer's chain in the store, one chain at a time, reading its records in sequence order as they
 * are checked (never a whole chain in memory).
 *
 * <p>A chain retention has not touched starts at its first record and is checked by {@link AuditChainVerifier}
 * itself: a first stored record after sequence 1 is a {@code MISSING} at the start. A chain whose head retention
 * purged starts after the purge's anchor ({@link PurgeMarker}): its first retained record must carry the next
 * sequence number and the anchor's hash as its predecessor's ({@link ChainWalk}, the same checks), so the purged
 * head is accepted and nothing else is — a record deleted from the retained part, right after the anchor included,
 * is still {@code MISSING}. A break retention found among the records it purged stays reported (the marker keeps
 * it), ahead of any break in the retained part.
 *
 * <p>A chain read while it changes can look broken (the records of a batch being written, a purge deleting its
 * head): a break is reported when a second walk finds it again.
 *
 * <p>A chain alone cannot show that its newest records are missing (see the authorization guide, "Audit trail: the
 * chain"); neither can this verification.
 */
public final class ChainVerification {

    private static final int WALKS_PER_CHAIN = 3;

    private final AuditStore store;
    private final PurgeMarkers markers;
    private final Semaphore oneAtATime = new Semaphore(1);

    public ChainVerification(AuditStore store, PurgeMarkers markers) {
        this.store = store;
        this.markers = markers;
    }

    /** @throws VerificationBusyException when a verification runs already on this instance */
    public TrailVerification verifyAll() {
        if (!oneAtATime.tryAcquire()) {
            throw new VerificationBusyException();
        }
        try {
            TreeSet<String> producers = new TreeSet<>(store.producers());
            producers.addAll(markers.producers());
            List<TrailVerification.Chain> chains = new ArrayList<>(producers.size());
            for (String producer : producers) {
                chains.add(verify(producer));
            }
            return TrailVerification.of(chains);
        } finally {
            oneAtATime.release();
        }
    }

    /**
     * One producer's chain. A break is confirmed by walking the chain again: reported when two walks in a row find
     * the same, so that what was read while it changed (a batch of the chain being written, a purge deleting its
     * head) is not reported as a break.
     */
    public TrailVerification.Chain verify(String producer) {
        TrailVerification.Chain chain = walk(producer, markers.find(producer));
        for (int walk = 2; walk <= WALKS_PER_CHAIN && chain.firstBreak().isPresent(); walk++) {
            TrailVerification.Chain again = walk(producer, markers.find(producer));
            if (again.firstBreak().equals(chain.firstBreak())) {
                return again;
            }
            chain = again;
        }
        return chain;
    }

    private TrailVerification.Chain walk(String producer, Optional<PurgeMarker> marker) {
        ChainAnchor anchor = marker.map(PurgeMarker::anchor).orElse(ChainAnchor.GENESIS);
        try (Stream<AuditRecord> records = store.chain(producer, anchor.sequence())) {
            Counting counting = new Counting(records.iterator());
            Optional<Broken> broken = anchor.genesis()
                    ? brokenOf(AuditChainVerifier.verify(() -> counting))
                    : walkFrom(producer, anchor, counting);
            Optional<Broken> purgedBreak = marker.map(PurgeMarker::firstBreak);
            return new TrailVerification.Chain(producer, counting.count,
                    purgedBreak.isPresent() ? purgedBreak : broken);
        }
    }

    private static Optional<Broken> walkFrom(String producer, ChainAnchor anchor, Iterator<AuditRecord> records) {
        ChainWalk walk = ChainWalk.from(producer, anchor);
        while (records.hasNext()) {
            Optional<Broken> broken = walk.next(records.next());
            if (broken.isPresent()) {
                return broken;
            }
        }
        return Optional.empty();
    }

    private static Optional<Broken> brokenOf(AuditChainVerifier.Verification verification) {
        return verification instanceof Broken broken ? Optional.of(broken) : Optional.empty();
    }

    /** Counts the records handed to the check (up to and including a break). */
    private static final class Counting implements Iterator<AuditRecord> {
        private final Iterator<AuditRecord> records;
        private long count;

        Counting(Iterator<AuditRecord> records) {
            this.records = records;
        }

        @Override
        public boolean hasNext() {
            return records.hasNext();
        }

        @Override
        public AuditRecord next() {
            count++;
            return records.next();
        }
    }
}
