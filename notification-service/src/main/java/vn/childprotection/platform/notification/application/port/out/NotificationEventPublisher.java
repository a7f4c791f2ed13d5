package vn.childprotection.platform.notification.application.port.out;

import vn.childprotection.platform.notification.domain.Notification;

/**
 * Publishes a notification's final status: DELIVERED as contracts' {@code NotificationDelivered.v1} on
 * {@code notifications.delivered.v1}, FAILED (after the last retry, or nobody to send it to) as
 * {@code NotificationFailed.v1} on {@code notifications.failed.v1} — key: case id; ids, codes and the recipient's
 * role only, never its address or the text. Event ids are deterministic, so a publication repeated after a crash
 * carries the same one. Throws when the broker did not take it (the outbox flag stays set and the relay repeats it).
 */
public interface NotificationEventPublisher {

    void publish(Notification finalNotification);
}
