package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.contracts.ReferralRole;

import java.util.Objects;

/** One agency named by a rule, with the role it plays (P = must act, S = supporting; domain reference). */
public record AgencyAssignment(String agency, ReferralRole role) {

    public AgencyAssignment {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(role, "role");
    }
}
