package vn.childprotection.platform.notification.adapter.out.channel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.childprotection.platform.notification.application.port.out.NotificationChannel;
import vn.childprotection.platform.notification.domain.DeliveryChannel;
import vn.childprotection.platform.notification.domain.DeliveryOutcome;
import vn.childprotection.platform.notification.domain.Notification;

/**
 * The default channel: the notification is kept in the store and the agency's focal point reads it through the API,
 * so it is delivered once recorded (by the consumer itself; the dispatcher handles only outbound channels).
 */
public final class RecordingChannel implements NotificationChannel {

    private static final Logger log = LoggerFactory.getLogger(RecordingChannel.class);

    @Override
    public DeliveryChannel type() {
        return DeliveryChannel.RECORDED;
    }

    @Override
    public DeliveryOutcome deliver(Notification notification) {
        log.debug("notification {} recorded: kind={} agency={} case={}", notification.notificationId(),
                notification.kind(), notification.agency(), notification.caseId());
        return DeliveryOutcome.delivered();
    }
}
