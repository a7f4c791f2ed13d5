package vn.childprotection.platform.contracts;

/** What a notification is about. */
public enum NotificationKind {
    /** A referral was issued: to the receiving unit's focal point and the agency's system. */
    REFERRAL_ISSUED,
    /** A case was escalated, or a referral's deadline passed its grace: focal point, backup and coordinator. */
    ESCALATION,
    /** A referral's deadline passed: the focal point is reminded. */
    OVERDUE_REMINDER,
    /** A referral was forwarded (or sent back for triage): the new agency and the coordinator (S0 Art 7.2). */
    FORWARDED,
    /** The case's referrals are completed: the informant who asked for feedback hears the result (S0 Art 7.2). */
    OUTCOME_TO_INFORMANT
}
