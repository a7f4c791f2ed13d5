package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.contracts.ReferralRole;

import java.time.Instant;

/**
 * One referral a routing plan would issue: the agency and role with the rule that gave them (explanation), the unit
 * chosen and its area, and the acknowledgement deadline.
 *
 * @param unitId   {@code null} when no unit of the agency serves the area (then flagged for triage)
 * @param areaCode the area of the unit chosen (or the most local known area when there is none)
 * @param note     why the unit is not the most local one, or {@code null}
 */
public record PlannedReferral(String agency, ReferralRole role, String ruleId, String legalBasis,
                              boolean policyDefault, String unitId, String areaCode, Instant dueAt, String note) {
}
