package vn.childprotection.platform.notification.application.port.in;

import vn.childprotection.platform.contracts.CaseEvent;
import vn.childprotection.platform.notification.domain.Notification;

/**
 * Records one notification per issued referral for the focal point of the agency's unit (S0 Art 7.2, 8.4, 9.5).
 * Idempotent: an event seen before changes nothing.
 */
public interface RecordReferralNotificationUseCase {

    Outcome handle(CaseEvent event);

    sealed interface Outcome {
    }

    /** A new notification was recorded (and, where its channel allows, delivered). */
    record Recorded(Notification notification) implements Outcome {
    }

    /** The notification of this referral exists already: nothing changed. */
    record AlreadyRecorded(String notificationId) implements Outcome {
    }

    /** The event asks for no notification (e.g. {@code CaseOpened}). */
    record NotApplicable(String eventType) implements Outcome {
    }
}
