package vn.childprotection.platform.reporting.application.port.out;

import vn.childprotection.platform.reporting.domain.CaseContext;
import vn.childprotection.platform.reporting.domain.CaseFact;
import vn.childprotection.platform.reporting.domain.ReferralFact;

import java.time.Instant;
import java.util.Optional;

/** The fact documents, one per natural key (case id, referral id), and the ledger of processed events. */
public interface FactStore {

    Optional<Revisioned<CaseFact>> findCase(String caseId);

    /**
     * Stores {@code fact} if the stored revision is still {@code expectedRevision} (empty: if there is none yet).
     *
     * @return false when another write came first; the caller reads again and re-decides
     */
    boolean saveCase(CaseFact fact, Optional<Long> expectedRevision);

    Optional<Revisioned<ReferralFact>> findReferral(String referralId);

    /** Compare-and-set like {@link #saveCase}. */
    boolean saveReferral(ReferralFact fact, Optional<Long> expectedRevision);

    /** Gives every referral of the case the case's context (idempotent). */
    void attachCaseContext(String caseId, CaseContext context);

    /** Notes one delivery of an event in the ledger keyed by event id (first and last time seen, deliveries). */
    void recordProcessed(ProcessedEvent event);

    record ProcessedEvent(String eventId, String eventType, String caseId, Instant occurredAt, String outcome,
                          Instant processedAt) {
    }
}
