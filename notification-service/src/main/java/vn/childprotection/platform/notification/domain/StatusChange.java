package vn.childprotection.platform.notification.domain;

/** The result of asking a notification to change: the changed notification, or a refusal with the reason. */
public sealed interface StatusChange {

    record Changed(Notification notification) implements StatusChange {
    }

    /** The notification is unchanged: {@code current} is final, or the move is not allowed. */
    record Refused(Notification current, String reason) implements StatusChange {
    }
}
