package vn.childprotection.platform.notification.application.port.out;

import vn.childprotection.platform.notification.domain.Notification;

/**
 * Publishes a notification that could not be delivered on the dead-letter topic {@code notifications.failed.v1}
 * (key: case id; value: ids, codes and the attempts count, no personal data), so that the failure is chased
 * (S0 Art 5.4) rather than left in a store nobody reads. Throws when the broker did not take it.
 */
public interface FailedNotificationPublisher {

    void publish(Notification failed);
}
