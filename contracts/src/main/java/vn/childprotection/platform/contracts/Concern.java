package vn.childprotection.platform.contracts;

/**
 * What a report is about: the groups of children in special circumstances of the Law on Children 2016, Art 10,
 * plus the concerns the seed texts name (domain reference, "Vocabulary").
 */
public enum Concern {
    /** Art 10 a, c. */
    ORPHAN_NO_SUPPORT,
    /** Art 10 b. */
    ABANDONED,
    /** Art 10 d. */
    DISABILITY,
    /** Art 10 đ. */
    HIV_AIDS,
    /** Art 10 e. */
    IN_CONFLICT_WITH_LAW,
    /** Art 10 g. */
    DRUG_USE,
    /** Art 10 h. */
    SCHOOL_DROPOUT_WORK,
    /** Art 10 i. */
    VIOLENCE,
    /** Art 10 k. */
    EXPLOITATION,
    /** Art 10 l. */
    SEXUAL_ABUSE,
    /** Art 10 m. */
    TRAFFICKING,
    /** Art 10 n. */
    SERIOUS_ILLNESS_POOR,
    /** Art 10 o. */
    MIGRANT_UNACCOMPANIED,
    NEGLECT,
    DOMESTIC_VIOLENCE,
    ONLINE_ABUSE,
    LEGAL_CIVIL_STATUS,
    INJURY_ACCIDENT,
    /** Anything else: triage at the standing agency (S0 Art 8.4). */
    OTHER
}
