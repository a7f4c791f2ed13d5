package vn.childprotection.platform.notification.application.port.in;

/** An operator asks for a FAILED notification to be delivered again, under the same id (idempotency key). */
public interface RetryNotificationUseCase {

    Result retry(String notificationId);

    sealed interface Result {
    }

    /** The notification is PENDING again; the dispatcher delivers it. */
    record Requeued(String notificationId) implements Result {
    }

    /** It is waiting for delivery already: nothing to do, the request is satisfied. */
    record AlreadyPending(String notificationId) implements Result {
    }

    /** It cannot be resent: delivered already, or no recipient to send it to. */
    record Refused(String notificationId, String reason) implements Result {
    }

    record NotFound(String notificationId) implements Result {
    }
}
