package vn.childprotection.platform.referral.application.port.in;

import vn.childprotection.platform.referral.domain.Case;

import java.time.Instant;

/** Publishes what cases owe to their topics (the outbox relay). */
public interface RelayOutboxUseCase {

    /** Publishes the pending messages of one case, in order, if this instance can claim it. */
    RelayResult relay(String caseId);

    /**
     * A claim for a case about to be inserted already claimed ({@code CaseRepository.insertClaimedIfAbsent}): one
     * write instead of an insert and a claim on the report's hot path.
     */
    Claim newClaim();

    /** Publishes the pending messages of a case this instance has just inserted under {@code claim}. */
    RelayResult relayInserted(Case inserted, Claim claim);

    /** Relays every case left pending (after a crash or a broker outage); returns how many cases were completed. */
    int sweep();

    /**
     * @param published messages published by this call
     * @param complete  the case owes nothing any more
     * @param claimed   false when another instance holds the case (or it was not pending): nothing was done
     */
    record RelayResult(String caseId, int published, boolean complete, boolean claimed) {
    }

    /** A relay attempt's claim: its owner token, when it was taken and until when it holds. */
    record Claim(String owner, Instant claimedAt, Instant leaseUntil) {
    }
}
