package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.ReferralStatus;

/**
 * A case referred to one agency's office for one area (S0 Art 9.5), with the rule that produced it (explanation).
 *
 * @param areaCode the administrative unit whose agency office receives it: for now the location's most local code;
 *                 the jurisdiction directory comes later
 */
public record Referral(String referralId, String agency, ReferralRole role, String areaCode, ReferralStatus status,
                       String ruleId, String rulesetVersion, String legalBasis, boolean policyDefault) {
}
