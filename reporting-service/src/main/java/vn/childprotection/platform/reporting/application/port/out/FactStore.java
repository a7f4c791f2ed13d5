package vn.childprotection.platform.reporting.application.port.out;

import vn.childprotection.platform.reporting.domain.CaseContext;
import vn.childprotection.platform.reporting.domain.CaseFact;
import vn.childprotection.platform.reporting.domain.NotificationFact;
import vn.childprotection.platform.reporting.domain.ReferralFact;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * The fact documents of one generation (case, referral and notification facts, one per natural key) and the ledger
 * of processed events. A generation is a complete set of facts; a rebuild fills a new one while the active one
 * serves (see {@link Generations}).
 */
public interface FactStore {

    Optional<Revisioned<CaseFact>> findCase(long generation, String caseId);

    /**
     * Stores {@code fact} if the stored revision is still {@code expectedRevision} (empty: if there is none yet).
     *
     * @return false when another write came first; the caller reads again and re-decides
     */
    boolean saveCase(long generation, CaseFact fact, Optional<Long> expectedRevision);

    Optional<Revisioned<ReferralFact>> findReferral(long generation, String referralId);

    /** Compare-and-set like {@link #saveCase}. */
    boolean saveReferral(long generation, ReferralFact fact, Optional<Long> expectedRevision);

    /** Gives every referral of the case the case's context (idempotent). */
    void attachCaseContext(long generation, String caseId, CaseContext context);

    /** Stores a notification fact unless one with its event id exists; true when it was new. */
    boolean saveNotification(long generation, NotificationFact fact);

    /**
     * Writes freshly folded facts into an empty generation, in batches (a rebuild), before its indexes exist
     * ({@link #prepare} afterwards builds them over what is there: one pass per index instead of one update of every
     * index per fact).
     */
    void insertAll(long generation, Collection<CaseFact> cases, Collection<ReferralFact> referrals,
                   Collection<NotificationFact> notifications);

    /** Creates the generation's collections and indexes (idempotent; indexes the facts already there). */
    void prepare(long generation);

    void drop(long generation);

    /** Notes one delivery of an event in the ledger keyed by event id (first and last time seen, deliveries). */
    void recordProcessed(ProcessedEvent event);

    record ProcessedEvent(String eventId, String eventType, String caseId, Instant occurredAt, String outcome,
                          Instant processedAt) {
    }
}
