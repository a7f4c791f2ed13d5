package vn.childprotection.platform.contracts;

import java.time.Instant;

/**
 * A notification failed after its last retry: it is FAILED, visible and re-sendable
 * ({@code POST /api/v1/notifications/{id}/retry} on notification-service).
 *
 * @param eventId   deterministic: {@code Ids.nameBased(TYPE, notificationId, String.valueOf(attempts))} — a re-send
 *                  that fails again is a new failure
 * @param error     an error code or short technical message (never the address or the message text)
 */
public record NotificationFailed(
        String eventId,
        Instant occurredAt,
        String caseId,
        String notificationId,
        NotificationKind kind,
        String channel,
        String recipientRole,
        String agency,
        String referralId,
        int attempts,
        String error) implements NotificationEvent {

    public static final String TYPE = "NotificationFailed.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}
