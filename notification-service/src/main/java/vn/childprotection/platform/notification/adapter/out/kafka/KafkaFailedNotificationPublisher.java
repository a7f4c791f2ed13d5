package vn.childprotection.platform.notification.adapter.out.kafka;

import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.platform.notification.application.port.out.FailedNotificationPublisher;
import vn.childprotection.platform.notification.domain.Notification;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes FAILED notifications on {@code notifications.failed.v1} (this service's own topic, documented in its
 * README): key = case id; value = {@link FailedNotificationMessage} (ids and codes, no personal data: the recipient
 * address is left out). Waits for the broker's acknowledgement (acks=all) so that the outbox flag is cleared only
 * after the record is safely written.
 */
public final class KafkaFailedNotificationPublisher implements FailedNotificationPublisher {

    /** The value of a {@code notifications.failed.v1} record. */
    public record FailedNotificationMessage(String notificationId, String caseId, String kind, String channel,
                                            String agency, String error, int attempts) {

        static FailedNotificationMessage of(Notification n) {
            return new FailedNotificationMessage(n.notificationId(), n.caseId(), n.kind().name(), n.channel().name(),
                    n.agency(), n.lastError(), n.attempts());
        }
    }

    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;
    private final JsonMapper json;
    private final Duration ackTimeout;

    public KafkaFailedNotificationPublisher(KafkaTemplate<String, byte[]> kafka, String topic, JsonMapper json,
                                            Duration ackTimeout) {
        this.kafka = kafka;
        this.topic = topic;
        this.json = json;
        this.ackTimeout = ackTimeout;
    }

    @Override
    public void publish(Notification failed) {
        byte[] value = json.writeValueAsBytes(FailedNotificationMessage.of(failed));
        try {
            kafka.send(topic, failed.caseId(), value).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted publishing a failed notification", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("failed notification not acknowledged by the broker", e);
        }
    }
}
