package vn.childprotection.platform.contracts;

import java.util.List;

/**
 * The agency codes of the domain reference (S0 Art 9.5 a–g). Agencies are codes, not an enum: a province's ruleset
 * may add its own (courts, procuracy, ...) without a code change.
 */
public final class Agencies {

    /** The standing agency (S0 Art 8): informed of every routed case, triages OTHER. */
    public static final String SOCIAL_AFFAIRS = "SOCIAL_AFFAIRS";
    public static final String POLICE = "POLICE";
    public static final String HEALTH = "HEALTH";
    public static final String EDUCATION = "EDUCATION";
    public static final String JUSTICE = "JUSTICE";
    public static final String YOUTH_UNION = "YOUTH_UNION";
    public static final String WOMENS_UNION = "WOMENS_UNION";

    public static final List<String> NATIONAL =
            List.of(SOCIAL_AFFAIRS, POLICE, HEALTH, EDUCATION, JUSTICE, YOUTH_UNION, WOMENS_UNION);

    private Agencies() {
    }
}
