package vn.childprotection.platform.notification.application.port.out;

import vn.childprotection.platform.notification.domain.DeliveryChannel;
import vn.childprotection.platform.notification.domain.DeliveryOutcome;
import vn.childprotection.platform.notification.domain.Notification;

/**
 * One way of delivering notifications (recording today; webhook, e-mail, SMS later). An adapter reports failures as
 * {@link DeliveryOutcome.Failed} values with a reason code (retryable or not) and keeps its own resilience
 * (timeouts, circuit breaker) inside; an exception it throws makes the consuming message be retried.
 */
public interface NotificationChannel {

    /** The channel code this adapter serves; the recipient directory says which one each focal point uses. */
    DeliveryChannel type();

    DeliveryOutcome deliver(Notification notification);
}
