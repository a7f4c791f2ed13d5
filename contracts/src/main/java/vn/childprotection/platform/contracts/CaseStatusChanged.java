package vn.childprotection.platform.contracts;

import java.time.Instant;
import java.util.List;

/**
 * The status of a case, derived from its referrals' statuses, changed. When it becomes COMPLETED the outcomes of the
 * completed referrals are listed (codes only): notification-service tells the informant who asked for feedback
 * (S0 Art 7.2) and reporting counts the case as resolved.
 *
 * @param eventId  deterministic: {@code Ids.nameBased(TYPE, caseId, cause)} where {@code cause} is the event id of
 *                 the change that caused it
 * @param outcomes the distinct outcomes of the case's completed referrals (empty unless COMPLETED)
 */
public record CaseStatusChanged(
        String eventId,
        Instant occurredAt,
        String caseId,
        CaseStatus from,
        CaseStatus to,
        List<ReferralOutcome> outcomes) implements CaseEvent {

    public static final String TYPE = "CaseStatusChanged.v1";

    public CaseStatusChanged {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
