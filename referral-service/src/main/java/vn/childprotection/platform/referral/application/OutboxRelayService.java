package vn.childprotection.platform.referral.application;

import vn.childprotection.platform.referral.application.port.in.RelayOutboxUseCase;
import vn.childprotection.platform.referral.application.port.out.CaseMetrics;
import vn.childprotection.platform.referral.application.port.out.CaseRepository;
import vn.childprotection.platform.referral.application.port.out.CaseRepository.ClaimedOutbox;
import vn.childprotection.platform.referral.application.port.out.EventPublisher;
import vn.childprotection.platform.referral.application.port.out.EventPublisher.Outcome;
import vn.childprotection.platform.referral.application.port.out.PublicationLedger;
import vn.childprotection.platform.referral.domain.Case;
import vn.childprotection.platform.referral.domain.OutboxMessage;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The outbox relay: claims a case (a lease in the case document, taken by one atomic find-and-modify, so two
 * instances do not publish the same case at the same time), sends all its pending messages, waits for their
 * acknowledgements, then marks exactly the acknowledged ones published and releases the claim in one update.
 *
 * <p><b>Once on the topic</b> (agencies' systems read {@code referrals.<agency>.v1}). A message is sent
 * again only if it is known not to be on its topic:
 * <ul>
 *   <li>the claim reports whether an earlier attempt on the case did not finish cleanly: its lease expired in place
 *       (the relay was killed between the broker's acknowledgement and the marking, or lost its claim), or it ended
 *       with failed or unsent messages (a send that timed out may still have been written);</li>
 *   <li>only then (never on the hot path) the {@link PublicationLedger} is asked which pending messages are already on
 *       their topics; those are marked published without sending. If it cannot tell (broker down), nothing is sent
 *       and the case stays pending and flagged;</li>
 *   <li>a record cannot land after that check: the publisher returns only once the producer has given up on every
 *       record it did not get acknowledged (producer delivery timeout shorter than the wait), and no send starts in
 *       the second half of the lease, so every record of an attempt is settled before its lease can expire.</li>
 * </ul>
 * What remains is a record the broker had already queued when the producer gave up, appended moments later (before
 * the next attempt, which is a sweep interval or a lease away), and a copy removed by retention before the check.
 * Republished messages are byte-identical (same event ids, same {@code occurredAt}), and consumers still de-duplicate
 * by {@code eventId} as a second line of defence (conventions, "Messages").
 */
public final class OutboxRelayService implements RelayOutboxUseCase {

    private static final Logger log = System.getLogger(OutboxRelayService.class.getName());

    private final CaseRepository cases;
    private final EventPublisher publisher;
    private final PublicationLedger ledger;
    private final CaseMetrics metrics;
    private final Clock clock;
    private final String owner;
    private final Duration lease;
    private final int sweepBatch;

    public OutboxRelayService(CaseRepository cases, EventPublisher publisher, PublicationLedger ledger,
                              CaseMetrics metrics, Clock clock, String owner, Duration lease, int sweepBatch) {
        this.cases = cases;
        this.publisher = publisher;
        this.ledger = ledger;
        this.metrics = metrics;
        this.clock = clock;
        this.owner = owner;
        this.lease = lease;
        this.sweepBatch = sweepBatch;
    }

    @Override
    public Claim newClaim() {
        Instant now = clock.instant();
        // one token per attempt: two threads of the same instance (immediate relay and sweep) exclude each other too
        return new Claim(owner + "/" + UUID.randomUUID(), now, now.plus(lease));
    }

    @Override
    public RelayResult relay(String caseId) {
        Claim claim = newClaim();
        Optional<ClaimedOutbox> claimed = cases.claimOutbox(caseId, claim.owner(), claim.claimedAt(),
                claim.leaseUntil());
        if (claimed.isEmpty()) {
            return new RelayResult(caseId, 0, false, false);
        }
        return publishClaimed(caseId, claim, claimed.get().held(), claimed.get().previousAttemptUnfinished());
    }

    /** Inserted under {@code claim} a moment ago: no earlier attempt can have published any of it. */
    @Override
    public RelayResult relayInserted(Case inserted, Claim claim) {
        return publishClaimed(inserted.caseId(), claim, inserted, false);
    }

    private RelayResult publishClaimed(String caseId, Claim claim, Case held, boolean previousAttemptUnfinished) {
        // every send starts in the first half of the lease: all are settled (acknowledged or given up by the
        // producer) before the lease can expire and another relay check the topics (configuration enforces it)
        Instant sendBy = claim.claimedAt().plus(lease.dividedBy(2));

        Map<Integer, OutboxMessage> pending = new LinkedHashMap<>();
        List<OutboxMessage> outbox = held.outbox();
        for (int i = 0; i < outbox.size(); i++) {
            if (outbox.get(i).pending()) {
                pending.put(i, outbox.get(i));
            }
        }
        Set<Integer> done = new TreeSet<>();

        if (previousAttemptUnfinished && !pending.isEmpty()) {
            Set<String> onTopic;
            try {
                onTopic = ledger.alreadyPublished(List.copyOf(pending.values()));
            } catch (RuntimeException e) {
                metrics.publicationCheck("failed");
                log.log(Level.WARNING, "case {0}: an earlier attempt may have published some of its {1} pending "
                        + "message(s) and the topics cannot be checked ({2}); nothing sent, the sweep retries",
                        caseId, pending.size(), e.getClass().getSimpleName());
                complete(caseId, claim.owner(), done, outbox, false, held.version(), 0);
                return new RelayResult(caseId, 0, false, true);
            }
            metrics.publicationCheck(onTopic.isEmpty() ? "none_found" : "found");
            pending.entrySet().removeIf(entry -> {
                if (onTopic.contains(entry.getValue().eventId())) {
                    done.add(entry.getKey());
                    metrics.messageFoundPublished(entry.getValue().eventType());
                    log.log(Level.INFO, "case {0}: {1} {2} already on {3}; marked published, not sent again",
                            caseId, entry.getValue().eventType(), entry.getValue().eventId(),
                            entry.getValue().topic());
                    return true;
                }
                return false;
            });
        }

        int sent = 0;
        boolean allOut = true;
        if (!pending.isEmpty()) {
            List<Integer> positions = new ArrayList<>(pending.keySet());
            List<Outcome> outcomes = publisher.publishAll(List.copyOf(pending.values()), sendBy);
            for (int k = 0; k < positions.size(); k++) {
                Outcome outcome = k < outcomes.size() ? outcomes.get(k) : null;
                if (outcome != null && outcome.acknowledged()) {
                    done.add(positions.get(k));
                    sent++;
                    metrics.messagePublished(outcome.message().eventType(),
                            Duration.between(held.openedAt(), clock.instant()));
                    continue;
                }
                allOut = false;
                OutboxMessage message = pending.get(positions.get(k));
                if (outcome != null && outcome.status() == EventPublisher.Status.FAILED) {
                    metrics.publishFailed(message.eventType());
                    log.log(Level.WARNING, "case {0}: publishing {1} {2} to {3} failed ({4}); stays pending, "
                            + "checked against the topic before it is sent again", caseId, message.eventType(),
                            message.eventId(), message.topic(), outcome.failure());
                }
            }
        }
        return complete(caseId, claim.owner(), done, outbox, allOut, held.version(), sent)
                ? new RelayResult(caseId, sent, allOut, true)
                : new RelayResult(caseId, sent, false, true);
    }

    /**
     * Marks what went out; a copy that carried personal data (an agency's work order) keeps none once it is on its
     * topic: it is never sent again, and the agency holds what it was sent.
     */
    private boolean complete(String caseId, String claim, Set<Integer> done, List<OutboxMessage> outbox,
                             boolean allOut, long version, int sent) {
        Map<Integer, String> kept = new LinkedHashMap<>();
        for (int position : done) {
            OutboxMessage message = outbox.get(position);
            if (message.carriesPersonalData()) {
                kept.put(position, message.withoutPersonalData().payload());
            }
        }
        if (cases.completeOutbox(caseId, claim, done, kept, clock.instant(), allOut, version)) {
            return true;
        }
        log.log(Level.WARNING, "case {0}: claim lost before marking {1} message(s) published; the next claim checks "
                + "the topics before sending them again", caseId, sent);
        return false;
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
