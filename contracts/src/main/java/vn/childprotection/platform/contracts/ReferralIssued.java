package vn.childprotection.platform.contracts;

import java.time.Instant;
import java.util.List;

/**
 * A referral of a case to one agency's unit was issued. The same referral is published, with the case details the
 * agency needs, as an {@link AgencyReferral} on the agency's own topic.
 *
 * @param agency   agency code (SOCIAL_AFFAIRS, POLICE, ...; a province's ruleset may add codes)
 * @param areaCode the administrative unit whose agency office receives the referral
 * @param ruleId   the routing rule that produced this referral (explanation)
 * @param dueAt    optional (added later, additive): when the agency's unit must acknowledge the referral
 * @param unitId   optional (added later, additive): the agency directory's unit that receives it; {@code areaCode}
 *                 is that unit's area
 * @param forwardedFrom optional (added later, additive): the referral this one replaces — one the agency FORWARDED
 *                 here, or one DECLINED by the case's only primary agency and sent back to the standing agency
 *                 for triage (ruleId {@code TRIAGE-AFTER-DECLINE}); {@code null} for a referral made by routing
 */
public record ReferralIssued(
        String eventId,
        Instant occurredAt,
        String caseId,
        String referralId,
        String agency,
        ReferralRole role,
        String areaCode,
        ReferralStatus status,
        List<Concern> concerns,
        Severity severity,
        String ruleId,
        String rulesetVersion,
        String legalBasis,
        Instant dueAt,
        String unitId,
        String forwardedFrom) implements CaseEvent {

    public static final String TYPE = "ReferralIssued.v1";

    public ReferralIssued {
        concerns = List.copyOf(concerns);
    }

    /** Without the optional {@code forwardedFrom}: a referral made by routing. */
    public ReferralIssued(String eventId, Instant occurredAt, String caseId, String referralId, String agency,
                          ReferralRole role, String areaCode, ReferralStatus status, List<Concern> concerns,
                          Severity severity, String ruleId, String rulesetVersion, String legalBasis, Instant dueAt,
                          String unitId) {
        this(eventId, occurredAt, caseId, referralId, agency, role, areaCode, status, concerns, severity, ruleId,
                rulesetVersion, legalBasis, dueAt, unitId, null);
    }

    /** Without the optional {@code dueAt} and {@code unitId} (messages written before they existed). */
    public ReferralIssued(String eventId, Instant occurredAt, String caseId, String referralId, String agency,
                          ReferralRole role, String areaCode, ReferralStatus status, List<Concern> concerns,
                          Severity severity, String ruleId, String rulesetVersion, String legalBasis) {
        this(eventId, occurredAt, caseId, referralId, agency, role, areaCode, status, concerns, severity, ruleId,
                rulesetVersion, legalBasis, null, null, null);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
