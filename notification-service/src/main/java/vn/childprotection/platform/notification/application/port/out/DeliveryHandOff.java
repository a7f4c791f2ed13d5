package vn.childprotection.platform.notification.application.port.out;

import vn.childprotection.platform.notification.domain.Notification;

/**
 * Hands a notification the consumer just stored to the delivery workers, so that the hot path needs no scan of the
 * store: a new outbound PENDING notification is claimed by its id and delivered at once (S0 Art 7.2, 8.4: the agency
 * is told without waiting for a poll), a final status stored with its outbox flag is published at once. Best effort
 * and never blocking: when the workers' queue is full (or delivery is off) the call answers false and the
 * notification is left to the scheduler's poll, which finds it in the store.
 */
public interface DeliveryHandOff {

    /** Nobody takes hand-offs (delivery off, tests): everything is left to the poll. */
    DeliveryHandOff NONE = new DeliveryHandOff() {
        @Override
        public boolean deliver(String notificationId) {
            return false;
        }

        @Override
        public boolean announce(Notification finalNotification) {
            return false;
        }
    };

    /** An outbound PENDING notification, due now, was stored. @return false when left to the poll */
    boolean deliver(String notificationId);

    /** A DELIVERED or FAILED notification was stored with its outbox flag set. @return false when left to the relay */
    boolean announce(Notification finalNotification);
}
