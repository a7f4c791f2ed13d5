package vn.childprotection.platform.notification.adapter.in.web;

/** The notification cannot be sent again (delivered already, or no recipient): answered as a 409 problem. */
public class NotificationNotRetryableException extends RuntimeException {

    private final String notificationId;
    private final String reason;

    public NotificationNotRetryableException(String notificationId, String reason) {
        super("notification " + notificationId + " not retryable: " + reason);
        this.notificationId = notificationId;
        this.reason = reason;
    }

    public String notificationId() {
        return notificationId;
    }

    public String reason() {
        return reason;
    }
}
