package vn.childprotection.platform.contracts;

import java.time.Instant;

/**
 * A referral's deadline passed without the agency having done what was due. Raised by the deadline watchdog once per
 * referral, deadline and stage: first REMINDER (the unit's focal point is reminded), then, if the referral is still
 * not answered after the grace period, ESCALATED (the backup focal point and the coordinator, S0 Art 5.4, are told).
 *
 * @param eventId     deterministic: {@code Ids.nameBased(TYPE, referralId, deadline.name(), stage.name())}
 * @param deadline    which deadline passed (acknowledgement, Decree 56/2017 Art 26.3 emergency measures, Art 28.1
 *                    support plan)
 * @param dueAt       when it was due
 * @param status      the referral's status when the watchdog fired
 */
public record ReferralOverdue(
        String eventId,
        Instant occurredAt,
        String caseId,
        String referralId,
        String agency,
        ReferralRole role,
        String unitId,
        String areaCode,
        Severity severity,
        EscalationRaised.DeadlineKind deadline,
        Instant dueAt,
        Stage stage,
        ReferralStatus status) implements CaseEvent {

    public static final String TYPE = "ReferralOverdue.v1";

    /** REMINDER: the focal point is reminded; ESCALATED: the backup focal point and the coordinator are told. */
    public enum Stage { REMINDER, ESCALATED }

    @Override
    public String eventType() {
        return TYPE;
    }
}
