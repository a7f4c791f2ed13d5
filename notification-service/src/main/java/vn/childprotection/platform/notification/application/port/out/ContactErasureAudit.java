package vn.childprotection.platform.notification.application.port.out;

/** The audit record of each erasure of an informant's phone (ids and the cause only, never the phone). */
public interface ContactErasureAudit {

    /** @param why the cause: the outcome delivered, the limit reached, the case's personal data erased */
    void erased(String caseId, String why);
}
