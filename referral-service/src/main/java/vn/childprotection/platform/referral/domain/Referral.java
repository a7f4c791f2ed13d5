package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.ReferralStatus;

import java.time.Instant;

/**
 * A case referred to one agency's unit for one area (S0 Art 9.5), with the rule that produced it (explanation).
 *
 * @param areaCode the area of the unit chosen (the most local unit serving the case's area, else a parent's)
 * @param unitId   the agency directory's unit, {@code null} when none serves the area (case flagged for triage)
 * @param dueAt    acknowledgement deadline (policy default per severity)
 * @param note     why the unit is not the most local one, or why the area was flagged
 */
public record Referral(String referralId, String agency, ReferralRole role, String areaCode, ReferralStatus status,
                       String ruleId, String rulesetVersion, String legalBasis, boolean policyDefault,
                       String unitId, Instant dueAt, String note) {

    public Referral(String referralId, String agency, ReferralRole role, String areaCode, ReferralStatus status,
                    String ruleId, String rulesetVersion, String legalBasis, boolean policyDefault) {
        this(referralId, agency, role, areaCode, status, ruleId, rulesetVersion, legalBasis, policyDefault, null,
                null, null);
    }
}
