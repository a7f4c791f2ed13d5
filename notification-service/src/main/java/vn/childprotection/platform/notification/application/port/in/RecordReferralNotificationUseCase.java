package vn.childprotection.platform.notification.application.port.in;

import vn.childprotection.platform.contracts.CaseEvent;
import vn.childprotection.platform.notification.domain.Notification;

import java.util.List;

/**
 * Records one notification per issued referral for the focal point of the agency's unit (S0 Art 7.2, 8.4, 9.5).
 * Idempotent: an event seen before changes nothing.
 */
public interface RecordReferralNotificationUseCase {

    Outcome handle(CaseEvent event);

    sealed interface Outcome {
    }

    /**
     * New notifications were recorded, one per recipient (RECORDED ones delivered at once, outbound ones PENDING for
     * the dispatcher).
     */
    record Recorded(List<Notification> notifications) implements Outcome {
        public Recorded {
            if (notifications == null || notifications.isEmpty()) {
                throw new IllegalArgumentException("at least one notification");
            }
            notifications = List.copyOf(notifications);
        }

        /** The first one: the focal point's notification when it is new. */
        public Notification notification() {
            return notifications.getFirst();
        }
    }

    /** The notification of this referral exists already: nothing changed. */
    record AlreadyRecorded(String notificationId) implements Outcome {
    }

    /** The event asks for no notification (e.g. {@code CaseOpened}). */
    record NotApplicable(String eventType) implements Outcome {
    }
}
