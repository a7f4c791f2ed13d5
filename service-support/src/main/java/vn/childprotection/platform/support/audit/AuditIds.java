package vn.childprotection.platform.support.audit;

/** The ids an audit record names: the case, the referral and the notification concerned (any may be absent). */
public record AuditIds(String caseId, String referralId, String notificationId) {

    public static AuditIds none() {
        return new AuditIds(null, null, null);
    }

    public static AuditIds ofCase(String caseId) {
        return new AuditIds(caseId, null, null);
    }

    public static AuditIds ofReferral(String caseId, String referralId) {
        return new AuditIds(caseId, referralId, null);
    }

    public static AuditIds ofNotification(String caseId, String notificationId) {
        return new AuditIds(caseId, null, notificationId);
    }
}
