package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.contracts.ReferralRole;

/**
 * One agency a case goes to, with the strongest role any applicable rule gave it and the rule that gave it.
 *
 * @param legalBasis what the referral cites ({@link Rule#citation(String)})
 */
public record RoutedAgency(String agency, ReferralRole role, String ruleId, String legalBasis,
                           boolean policyDefault) {
}
