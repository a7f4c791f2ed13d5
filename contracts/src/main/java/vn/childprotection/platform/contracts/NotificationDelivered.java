package vn.childprotection.platform.contracts;

import java.time.Instant;

/**
 * A notification was delivered (the SMTP server, SMS gateway or agency system accepted it).
 *
 * @param eventId       deterministic: {@code Ids.nameBased(TYPE, notificationId)} — delivered once
 * @param recipientRole FOCAL_POINT, BACKUP_FOCAL_POINT, COORDINATOR, AGENCY_SYSTEM or INFORMANT (never an address)
 * @param referralId    the referral it is about, or {@code null} for a case-level notification
 */
public record NotificationDelivered(
        String eventId,
        Instant occurredAt,
        String caseId,
        String notificationId,
        NotificationKind kind,
        String channel,
        String recipientRole,
        String agency,
        String referralId,
        int attempts) implements NotificationEvent {

    public static final String TYPE = "NotificationDelivered.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}
