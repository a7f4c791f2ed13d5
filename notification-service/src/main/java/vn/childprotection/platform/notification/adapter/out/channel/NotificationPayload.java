package vn.childprotection.platform.notification.adapter.out.channel;

import vn.childprotection.platform.notification.domain.Notification;

import java.time.Instant;

/**
 * What an agency's system receives about a notification: ids and codes only (the case itself is read in the case
 * system by the agency's authorised staff; S0 Art 7.2). The same fields for webhook bodies and e-mail texts.
 */
public record NotificationPayload(String notificationId, String kind, String caseId, String referralId,
                                  String agency, String areaCode, Instant createdAt) {

    public static NotificationPayload of(Notification n) {
        return new NotificationPayload(n.notificationId(), n.kind().name(), n.caseId(), n.referralId(), n.agency(),
                n.areaCode(), n.createdAt());
    }

    /** A short text for an SMS or an e-mail body (no personal data). */
    public String text() {
        return "CPRP " + kind + ": case " + caseId + " referred to " + agency
                + (areaCode == null ? "" : " (area " + areaCode + ")") + ". Ref " + notificationId + ".";
    }
}
