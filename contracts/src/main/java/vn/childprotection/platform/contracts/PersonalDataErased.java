package vn.childprotection.platform.contracts;

import java.time.Instant;

/**
 * The personal data of a case (the child's name, the informant, the narrative, the agencies' wording) was erased from
 * referral-service's store: after its retention period once the case was closed, or on a coordinator's request. It
 * carries no personal data and no reason (the written reason of a request is in the audit trail only), and it changes
 * no figure: the facts the figures need (codes, times, statuses) stay. notification-service erases the informant's
 * contact it may still hold for the case; reporting-service counts nothing from it.
 *
 * @param eventId deterministic: {@code Ids.nameBased(TYPE, caseId)}, a case's personal data is erased once
 * @param cause   why it was erased
 */
public record PersonalDataErased(
        String eventId,
        Instant occurredAt,
        String caseId,
        Cause cause) implements CaseEvent {

    public static final String TYPE = "PersonalDataErased.v1";

    /** RETENTION: the closed case's retention period ran out; REQUEST: a coordinator asked, with a written reason. */
    public enum Cause { RETENTION, REQUEST }

    @Override
    public String eventType() {
        return TYPE;
    }
}
