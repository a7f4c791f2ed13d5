package vn.childprotection.platform.contracts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The work order an agency receives on {@code referrals.<agency>.v1}: what it must do and what it needs to act —
 * the child's name and the narrative included, since the agency must find and help the child. The informant's
 * name and phone are not included: feedback to the informant goes through the standing agency (S0 Art 7.2).
 *
 * <p>{@code dueAt} (acknowledgement deadline) and {@code unitId} (the directory unit that receives it) are optional
 * fields added later (additive), and so is {@code forwardedFrom}: the referral this one replaces (forwarded by another
 * agency, or sent back to the standing agency for triage after a decline).
 */
public record AgencyReferral(
        String eventId,
        Instant occurredAt,
        String caseId,
        String referralId,
        String agency,
        ReferralRole role,
        String areaCode,
        OffsetDateTime receivedAt,
        List<Concern> concerns,
        Severity severity,
        Location location,
        Child child,
        String narrative,
        String ruleId,
        String rulesetVersion,
        String legalBasis,
        Instant dueAt,
        String unitId,
        String forwardedFrom) implements AgencyReferralEvent {

    public static final String TYPE = "AgencyReferral.v1";

    public AgencyReferral {
        concerns = List.copyOf(concerns);
    }

    /** Without the optional {@code forwardedFrom}: a referral made by routing. */
    public AgencyReferral(String eventId, Instant occurredAt, String caseId, String referralId, String agency,
                          ReferralRole role, String areaCode, OffsetDateTime receivedAt, List<Concern> concerns,
                          Severity severity, Location location, Child child, String narrative, String ruleId,
                          String rulesetVersion, String legalBasis, Instant dueAt, String unitId) {
        this(eventId, occurredAt, caseId, referralId, agency, role, areaCode, receivedAt, concerns, severity,
                location, child, narrative, ruleId, rulesetVersion, legalBasis, dueAt, unitId, null);
    }

    /** Without the optional {@code dueAt} and {@code unitId} (messages written before they existed). */
    public AgencyReferral(String eventId, Instant occurredAt, String caseId, String referralId, String agency,
                          ReferralRole role, String areaCode, OffsetDateTime receivedAt, List<Concern> concerns,
                          Severity severity, Location location, Child child, String narrative, String ruleId,
                          String rulesetVersion, String legalBasis) {
        this(eventId, occurredAt, caseId, referralId, agency, role, areaCode, receivedAt, concerns, severity,
                location, child, narrative, ruleId, rulesetVersion, legalBasis, null, null, null);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
