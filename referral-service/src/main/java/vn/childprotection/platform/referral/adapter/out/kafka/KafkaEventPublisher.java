package vn.childprotection.platform.referral.adapter.out.kafka;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import vn.childprotection.platform.referral.application.port.out.EventPublisher;
import vn.childprotection.platform.referral.domain.OutboxMessage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes outbox messages with the service's own idempotent producer ({@code acks=all},
 * {@code enable.idempotence=true}, String key = case id, byte[] value) and waits for the acknowledgement. Headers are
 * technical only: the versioned event type and the event id.
 */
public final class KafkaEventPublisher implements EventPublisher {

    public static final String EVENT_TYPE_HEADER = "eventType";
    public static final String EVENT_ID_HEADER = "eventId";

    private final KafkaTemplate<String, byte[]> template;
    private final TopicProvisioner topics;
    private final Duration timeout;

    public KafkaEventPublisher(KafkaTemplate<String, byte[]> template, TopicProvisioner topics, Duration timeout) {
        this.template = template;
        this.topics = topics;
        this.timeout = timeout;
    }

    @Override
    public void publish(OutboxMessage message) {
        try {
            topics.ensure(message.topic());
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(message.topic(), message.key(),
                    message.payload().getBytes(StandardCharsets.UTF_8));
            if (message.eventType() != null) {
                record.headers().add(EVENT_TYPE_HEADER, message.eventType().getBytes(StandardCharsets.UTF_8));
            }
            record.headers().add(EVENT_ID_HEADER, message.eventId().getBytes(StandardCharsets.UTF_8));
            template.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted publishing " + message.eventId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishFailedException("broker did not acknowledge " + message.eventId() + " on "
                    + message.topic() + " within " + timeout, e);
        } catch (RuntimeException e) {
            throw new PublishFailedException("could not publish " + message.eventId() + " on " + message.topic(), e);
        }
    }
}
