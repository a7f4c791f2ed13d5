package vn.childprotection.platform.contracts;

import java.time.Instant;

/**
 * An agency's response moved a referral from one status to another (S0 Art 7.2). No personal data and no agency
 * wording: the reason travels as a {@link ReasonCode}, the result as a {@link ReferralOutcome}.
 *
 * @param eventId      deterministic: {@code Ids.nameBased(TYPE, referralId, responseId)}
 * @param responseId   the agency's response that caused the change
 * @param action       what the agency said
 * @param from         status before
 * @param to           status after
 * @param reasonCode   for DECLINED and FORWARDED, else {@code null}
 * @param forwardTo    for FORWARDED: the agency that receives the new referral
 * @param outcome      for COMPLETED
 * @param respondedAt  when the agency says it acted ({@code occurredAt} is when the platform applied it)
 * @param caseStatus   the case's status derived after this change
 */
public record ReferralStatusChanged(
        String eventId,
        Instant occurredAt,
        String caseId,
        String referralId,
        String agency,
        ReferralRole role,
        String unitId,
        String responseId,
        ResponseAction action,
        ReferralStatus from,
        ReferralStatus to,
        ReasonCode reasonCode,
        String forwardTo,
        ReferralOutcome outcome,
        Instant respondedAt,
        CaseStatus caseStatus) implements CaseEvent {

    public static final String TYPE = "ReferralStatusChanged.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}
