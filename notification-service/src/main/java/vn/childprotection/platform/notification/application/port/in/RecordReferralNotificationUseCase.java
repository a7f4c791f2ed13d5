package vn.childprotection.platform.notification.application.port.in;

import vn.childprotection.platform.contracts.CaseEvent;
import vn.childprotection.platform.notification.domain.Notification;

import java.util.List;

/**
 * Records the notifications a case event asks for ({@code NotificationRules}): referrals issued and forwarded
 * (S0 Art 7.2, 8.4, 9.5), escalations and overdue referrals (S0 Art 5.4), the outcome to the informant (S0 Art 7.2).
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

    /** The case completed but the informant's contact has not arrived yet: the outcome waits for it. */
    record AwaitingInformant(String caseId) implements Outcome {
    }

    /** The case completed and the informant is not told: no feedback wanted (or anonymous), or told already. */
    record InformantNotTold(String caseId, String reason) implements Outcome {
    }
}
