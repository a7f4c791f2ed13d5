package vn.childprotection.platform.referral.application;

import vn.childprotection.platform.referral.application.port.in.RelayOutboxUseCase;
import vn.childprotection.platform.referral.application.port.out.CaseMetrics;
import vn.childprotection.platform.referral.application.port.out.CaseRepository;
import vn.childprotection.platform.referral.application.port.out.EventPublisher;
import vn.childprotection.platform.referral.domain.Case;
import vn.childprotection.platform.referral.domain.OutboxMessage;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The outbox relay: claims a case (a lease in the case document, taken by one atomic find-and-modify, so two
 * instances do not publish the same case at the same time), publishes its pending messages in order, waiting for
 * each acknowledgement, then marks them published and releases the claim in one update.
 *
 * <p>Delivery is at-least-once: a crash between the broker's acknowledgement and the marking, or a lease that runs
 * out during a very slow publish, republishes. Republished messages are byte-identical (same event ids, same
 * {@code occurredAt}), and consumers de-duplicate by {@code eventId} (conventions, "Messages").
 * A failed publish loses nothing: the message stays pending and the sweep retries it.
 */
public final class OutboxRelayService implements RelayOutboxUseCase {

    private static final Logger log = System.getLogger(OutboxRelayService.class.getName());

    private final CaseRepository cases;
    private final EventPublisher publisher;
    private final CaseMetrics metrics;
    private final Clock clock;
    private final String owner;
    private final Duration lease;
    private final int sweepBatch;

    public OutboxRelayService(CaseRepository cases, EventPublisher publisher, CaseMetrics metrics, Clock clock,
                              String owner, Duration lease, int sweepBatch) {
        this.cases = cases;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        this.owner = owner;
        this.lease = lease;
        this.sweepBatch = sweepBatch;
    }

    @Override
    public RelayResult relay(String caseId) {
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(lease);
        // one token per attempt: two threads of the same instance (immediate relay and sweep) exclude each other too
        String claim = owner + "/" + UUID.randomUUID();
        Optional<Case> claimed = cases.claimOutbox(caseId, claim, now, leaseUntil);
        if (claimed.isEmpty()) {
            return new RelayResult(caseId, 0, false, false);
        }
        Case held = claimed.get();
        List<OutboxMessage> outbox = held.outbox();
        Set<Integer> published = new TreeSet<>();
        boolean stopped = false;
        // stop early enough that the marking happens while the lease is still ours
        Instant stopAt = leaseUntil.minus(lease.dividedBy(5));
        for (int i = 0; i < outbox.size(); i++) {
            OutboxMessage message = outbox.get(i);
            if (!message.pending()) {
                continue;
            }
            if (clock.instant().isAfter(stopAt)) {
                stopped = true;
                break;
            }
            try {
                publisher.publish(message);
            } catch (RuntimeException e) {
                metrics.publishFailed(message.eventType());
                log.log(Level.WARNING, "case {0}: publishing {1} {2} to {3} failed ({4}); stays pending",
                        caseId, message.eventType(), message.eventId(), message.topic(), e.getClass().getSimpleName());
                stopped = true;
                break;
            }
            published.add(i);
            metrics.messagePublished(message.eventType(), Duration.between(held.openedAt(), clock.instant()));
        }
        boolean complete = !stopped;
        if (!cases.completeOutbox(caseId, claim, published, clock.instant(), complete, held.version())) {
            log.log(Level.WARNING, "case {0}: claim lost before marking {1} message(s) published; they will be "
                    + "published again (consumers de-duplicate by eventId)", caseId, published.size());
            return new RelayResult(caseId, published.size(), false, true);
        }
        return new RelayResult(caseId, published.size(), complete, true);
    }

    @Override
    public int sweep() {
        int completed = 0;
        try {
            for (String caseId : cases.findPendingOutbox(clock.instant(), sweepBatch)) {
                try {
                    if (relay(caseId).complete()) {
                        completed++;
                    }
                } catch (RuntimeException e) {
                    log.log(Level.WARNING, "case {0}: relay failed in sweep ({1})", caseId,
                            e.getClass().getSimpleName());
                }
            }
        } finally {
            metrics.pendingCases(cases.countPendingOutbox());
        }
        return completed;
    }
}
