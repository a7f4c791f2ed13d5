package vn.childprotection.platform.access;

import java.util.Arrays;
import java.util.Optional;

/** The platform's roles, as the identity provider names them in the token's {@code roles} claim. */
public enum Role {
    /** Hotline operator (Tổng đài 111 or a local line). Scope: the hotline's provinces. */
    OPERATOR("operator"),
    /** Officer of an agency unit. Scope: the unit and the units under it. */
    AGENCY_OFFICER("agency-officer"),
    /** An agency's own system, through the API (client credentials). Scope: the agency in its provinces. */
    AGENCY_SYSTEM("agency-system"),
    /** Coordinator at the standing agency of a province (S0 Art 8). Scope: the provinces. */
    COORDINATOR("coordinator"),
    /** Analyst: figures, never identifiers. Scope: provinces or national. */
    ANALYST("analyst"),
    /** Administrator: operations, never case content. */
    ADMIN("admin"),
    /** Auditor: the audit trail only. */
    AUDITOR("auditor");

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }

    public static Optional<Role> ofClaim(String value) {
        return Arrays.stream(values()).filter(role -> role.claim.equals(value)).findFirst();
    }
}
