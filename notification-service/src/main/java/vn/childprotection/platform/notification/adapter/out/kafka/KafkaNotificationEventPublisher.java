package vn.childprotection.platform.notification.adapter.out.kafka;

import org.springframework.kafka.core.KafkaTemplate;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.Ids;
import vn.childprotection.platform.contracts.NotificationDelivered;
import vn.childprotection.platform.contracts.NotificationEvent;
import vn.childprotection.platform.contracts.NotificationFailed;
import vn.childprotection.platform.notification.application.port.out.NotificationEventPublisher;
import vn.childprotection.platform.notification.domain.Notification;
import vn.childprotection.platform.notification.domain.NotificationStatus;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes final notification statuses as contracts' {@link NotificationEvent}s through {@link EventJson}:
 * {@link NotificationDelivered} on {@code notifications.delivered.v1} (event id {@code nameBased(TYPE,
 * notificationId)}: delivered once) and {@link NotificationFailed} on {@code notifications.failed.v1} (event id
 * {@code nameBased(TYPE, notificationId, attempts)}: a re-send that fails again is a new failure). Key: the case id.
 * The value holds ids, codes and the recipient's role — never its address or the text; no headers are added.
 * Waits for the broker's acknowledgement (acks=all) so that the outbox flag is cleared only after the record is
 * safely written. {@code occurredAt} is the notification's last change, so a repeated publication is identical.
 */
public final class KafkaNotificationEventPublisher implements NotificationEventPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final String deliveredTopic;
    private final String failedTopic;
    private final Duration ackTimeout;

    public KafkaNotificationEventPublisher(KafkaTemplate<String, byte[]> kafka, String deliveredTopic,
                                           String failedTopic, Duration ackTimeout) {
        this.kafka = kafka;
        this.deliveredTopic = deliveredTopic;
        this.failedTopic = failedTopic;
        this.ackTimeout = ackTimeout;
    }

    /** The contracts event of a final notification. */
    public static NotificationEvent eventOf(Notification n) {
        if (n.status() == NotificationStatus.DELIVERED) {
            return new NotificationDelivered(Ids.nameBased(NotificationDelivered.TYPE, n.notificationId()),
                    n.updatedAt(), n.caseId(), n.notificationId(), n.kind(), n.channel().name(), n.role().name(),
                    n.agency(), n.referralId(), n.attempts());
        }
        if (n.status() == NotificationStatus.FAILED) {
            return new NotificationFailed(Ids.nameBased(NotificationFailed.TYPE, n.notificationId(),
                    String.valueOf(n.attempts())), n.updatedAt(), n.caseId(), n.notificationId(), n.kind(),
                    n.channel().name(), n.role().name(), n.agency(), n.referralId(), n.attempts(),
                    n.lastError() == null ? "UNKNOWN" : n.lastError());
        }
        throw new IllegalArgumentException("only a DELIVERED or FAILED notification is published");
    }

    @Override
    public void publish(Notification done) {
        NotificationEvent event = eventOf(done);
        String topic = event instanceof NotificationDelivered ? deliveredTopic : failedTopic;
        try {
            kafka.send(topic, done.caseId(), EventJson.write(event)).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted publishing a notification event", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("notification event not acknowledged by the broker", e);
        }
    }
}
