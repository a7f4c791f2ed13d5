package vn.childprotection.platform.referral.adapter.out.kafka;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import vn.childprotection.platform.referral.application.port.out.EventPublisher;
import vn.childprotection.platform.referral.domain.OutboxMessage;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes outbox messages with the service's own idempotent producer ({@code acks=all},
 * {@code enable.idempotence=true}, at most 5 requests in flight, String key = case id, byte[] value): sends all of a
 * case's pending messages, then waits for all acknowledgements, so a report's ~9 messages cost one round trip, not
 * nine. The idempotent producer keeps the order of each partition (a case's messages on one topic share the key,
 * hence the partition). Headers are technical only: the versioned event type and the event id (which the
 * {@link KafkaPublicationLedger} looks for).
 *
 * <p>The wait ({@code waitFor}) is longer than the producer's own {@code delivery.timeout.ms} (checked at start-up):
 * when it ends, every record has been acknowledged or given up by the producer, none is left to be written later.
 * The wait is not cut short by an interrupt for the same reason.
 */
public final class KafkaEventPublisher implements EventPublisher {

    public static final String EVENT_TYPE_HEADER = "eventType";
    public static final String EVENT_ID_HEADER = "eventId";

    private final KafkaTemplate<String, byte[]> template;
    private final TopicProvisioner topics;
    private final Duration waitFor;
    private final Clock clock;

    public KafkaEventPublisher(KafkaTemplate<String, byte[]> template, TopicProvisioner topics, Duration waitFor,
                               Clock clock) {
        this.template = template;
        this.topics = topics;
        this.waitFor = waitFor;
        this.clock = clock;
    }

    @Override
    public List<Outcome> publishAll(List<OutboxMessage> messages, Instant sendBy) {
        List<CompletableFuture<SendResult<String, byte[]>>> futures = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        String stopped = null;
        for (OutboxMessage message : messages) {
            if (stopped == null && clock.instant().isAfter(sendBy)) {
                stopped = "claim too old to start a send";
            }
            if (stopped != null) {
                futures.add(null);
                outcomes.add(Outcome.notSent(message, stopped));
                continue;
            }
            try {
                topics.ensure(message.topic());
            } catch (RuntimeException e) {
                stopped = "topic not ready (" + e.getClass().getSimpleName() + ")";
                futures.add(null);
                outcomes.add(Outcome.notSent(message, stopped));
                continue;
            }
            CompletableFuture<SendResult<String, byte[]>> future;
            try {
                future = template.send(record(message));
            } catch (RuntimeException e) {
                future = CompletableFuture.failedFuture(e);
            }
            futures.add(future);
            outcomes.add(null);
            if (future.isCompletedExceptionally()) {
                // refused at once (no metadata within max.block.ms, ...): the broker is out of reach, spare the rest
                // another wait each; they stay pending
                stopped = "an earlier send failed";
            }
        }
        long deadline = System.nanoTime() + waitFor.toNanos();
        boolean interrupted = false;
        for (int i = 0; i < messages.size(); i++) {
            CompletableFuture<SendResult<String, byte[]>> future = futures.get(i);
            if (future == null) {
                continue;
            }
            OutboxMessage message = messages.get(i);
            while (true) {
                try {
                    future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    outcomes.set(i, Outcome.acknowledged(message));
                } catch (InterruptedException e) {
                    // keep waiting: returning now could let a record land after the caller's next check
                    interrupted = true;
                    continue;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    Throwable root = cause.getCause() != null ? cause.getCause() : cause;
                    outcomes.set(i, Outcome.failed(message, cause.getClass().getSimpleName()
                            + (root != cause ? "/" + root.getClass().getSimpleName() : "")));
                } catch (TimeoutException e) {
                    outcomes.set(i, Outcome.failed(message, "no acknowledgement within " + waitFor));
                }
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return List.copyOf(outcomes);
    }

    private static ProducerRecord<String, byte[]> record(OutboxMessage message) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(message.topic(), message.key(),
                message.payload().getBytes(StandardCharsets.UTF_8));
        if (message.eventType() != null) {
            record.headers().add(EVENT_TYPE_HEADER, message.eventType().getBytes(StandardCharsets.UTF_8));
        }
        record.headers().add(EVENT_ID_HEADER, message.eventId().getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
