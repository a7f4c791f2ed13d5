package vn.childprotection.platform.access;

/** Everything a caller can ask of the platform, one per kind of endpoint (docs/authorization.md maps them). */
public enum Operation {
    SUBMIT_REPORT,
    PREVIEW_ROUTING,
    /** An operator reads back a case they submitted, to confirm its routing to the caller. */
    READ_OWN_SUBMISSION,
    LIST_REFERRALS,
    READ_REFERRAL,
    RESPOND_TO_REFERRAL,
    LIST_CASES,
    READ_CASE,
    READ_TRIAGE_QUEUE,
    READ_OVERDUE,
    LIST_NOTIFICATIONS,
    RETRY_NOTIFICATION,
    /** The informant's contact details: break-glass, with a written reason. */
    REVEAL_INFORMANT,
    /** Erasing the personal data of one case (its child's name, informant, narrative), with a written reason. */
    ERASE_PERSONAL_DATA,
    READ_FIGURES,
    EXPORT_FIGURES,
    REBUILD_PROJECTIONS,
    READ_OPERATIONS,
    READ_AUDIT,
    EXPORT_AUDIT,
    VERIFY_AUDIT_CHAIN
}
