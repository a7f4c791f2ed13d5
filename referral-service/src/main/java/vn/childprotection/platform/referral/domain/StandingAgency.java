package vn.childprotection.platform.referral.domain;

import java.util.Objects;

/**
 * The standing agency of a ruleset (nationally SOCIAL_AFFAIRS, S0 Art 8): it learns of every routed case (S0 Art 8.4)
 * and is informed when no rule gave it a role. The rule id and legal basis are cited by that INFORMED referral.
 */
public record StandingAgency(String agency, String ruleId, String legalBasis) {

    public StandingAgency {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(legalBasis, "legalBasis");
    }
}
