package vn.childprotection.platform.referral.application.port.out;

import vn.childprotection.platform.referral.domain.Case;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The case store. Every write is to one document (the case with its outbox): atomic without multi-document
 * transactions.
 */
public interface CaseRepository {

    /** Inserts the case with its outbox in one write; false when a case with that id exists (already handled). */
    boolean insertIfAbsent(Case newCase);

    Optional<Case> findById(String caseId);

    /**
     * Claims the case's outbox for {@code owner} until {@code leaseUntil} (one atomic find-and-modify): only a case
     * with pending messages and no live lease of another owner can be claimed.
     */
    Optional<Case> claimOutbox(String caseId, String owner, Instant now, Instant leaseUntil);

    /**
     * Marks the outbox messages at {@code positions} published and releases the claim; {@code outboxPending} becomes
     * false when {@code allPublished}. False when {@code owner} no longer held the claim (nothing written).
     */
    boolean completeOutbox(String caseId, String owner, Set<Integer> positions, Instant publishedAt,
                           boolean allPublished);

    /** Ids of cases with pending messages and no live lease, oldest first. */
    List<String> findPendingOutbox(Instant now, int limit);

    /** How many cases have unpublished messages. */
    long countPendingOutbox();
}
