package vn.childprotection.platform.notification.adapter.in.web;

/** No notification has the requested id: answered as a 404 problem. */
public class NotificationNotFoundException extends RuntimeException {

    private final String notificationId;

    public NotificationNotFoundException(String notificationId) {
        super("no notification " + notificationId);
        this.notificationId = notificationId;
    }

    public String notificationId() {
        return notificationId;
    }
}
