package vn.childprotection.platform.contracts;

/**
 * The result an agency reports when it completes a referral (S0 Art 7.2). A code, so that it can be counted and
 * told to the informant in words the informant may hear; the agency's internal note never leaves the referral store.
 */
public enum ReferralOutcome {
    /** Support or intervention services were provided to the child (Decree 56/2017 Art 28-29). */
    SUPPORT_PROVIDED,
    /** Emergency protection measures were applied (Decree 56/2017 Art 26). */
    EMERGENCY_PROTECTION_APPLIED,
    /** The child was placed in safe alternative care (Law on Children Art 62). */
    ALTERNATIVE_CARE_ARRANGED,
    /** The child and family were connected to other services. */
    REFERRED_TO_SERVICES,
    /** The matter was handed to criminal or administrative proceedings. */
    LEGAL_ACTION_TAKEN,
    /** The agency verified the report and found no protection need. */
    NO_PROTECTION_NEED_FOUND,
    /** The child could not be found with the information given. */
    CHILD_NOT_FOUND
}
