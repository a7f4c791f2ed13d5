package vn.childprotection.platform.notification.application.port.out;

import vn.childprotection.platform.notification.domain.DeliveryChannel;
import vn.childprotection.platform.notification.domain.DeliveryOutcome;
import vn.childprotection.platform.notification.domain.Notification;

/**
 * One way of delivering notifications (recorded, webhook, e-mail, SMS). An adapter reports failures as
 * {@link DeliveryOutcome.Failed} values with a reason code (retryable or not), or {@link DeliveryOutcome.Deferred}
 * when its endpoint is not to be called now, and keeps its own resilience (timeouts, retries, circuit breaker)
 * inside. An exception it throws leaves the notification PENDING for a later attempt.
 */
public interface NotificationChannel {

    /** The channel code this adapter serves; the recipient directory says which one each focal point uses. */
    DeliveryChannel type();

    DeliveryOutcome deliver(Notification notification);
}
