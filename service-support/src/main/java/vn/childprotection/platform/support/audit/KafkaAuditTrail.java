package vn.childprotection.platform.support.audit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.childprotection.platform.access.audit.AuditChain;
import vn.childprotection.platform.access.audit.AuditRecord;
import vn.childprotection.platform.contracts.AuditRecorded;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.Ids;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.support.messaging.KafkaConnection;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The audit trail on {@code audit.events.v1}: this service instance is one producer with one chain, every record
 * keyed by the producer id (so its records stay in one partition, in order). Records are chained and handed to an
 * idempotent producer under one lock, so the broker holds them in chain order; the caller then waits for acks=all.
 * A record that could not be made durable leaves a visible gap in the chain, and its request fails.
 */
public final class KafkaAuditTrail implements AuditTrail, AutoCloseable {

    private final Producer<String, byte[]> producer;
    private final String producerId;
    private final Duration timeout;
    private AuditRecord last;

    KafkaAuditTrail(Producer<String, byte[]> producer, String producerId, Duration timeout) {
        this.producer = producer;
        this.producerId = producerId;
        this.timeout = timeout;
    }

    /** A trail with a producer of its own on these brokers, unsecured (tests). */
    public static KafkaAuditTrail create(String bootstrapServers, String producerId, Duration timeout) {
        return create(KafkaConnection.plaintext(bootstrapServers), producerId, timeout);
    }

    /** A trail with a producer of its own, connected as {@code connection} says ({@link KafkaConnection}). */
    public static KafkaAuditTrail create(Map<String, Object> connection, String producerId, Duration timeout) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, producerId + "-audit");
        // a send with the broker away fails within the request's patience instead of blocking for a minute
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1000, timeout.toMillis()));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(2000, timeout.toMillis() * 2));
        return new KafkaAuditTrail(new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()),
                producerId, timeout);
    }

    public String producerId() {
        return producerId;
    }

    @Override
    public void record(AuditRecord draft) {
        Future<RecordMetadata> sent;
        synchronized (this) {
            AuditRecord chained = AuditChain.append(last, withProducer(draft));
            try {
                sent = producer.send(new ProducerRecord<>(Topics.AUDIT_EVENTS, producerId,
                        EventJson.write(toEvent(chained))));
            } catch (RuntimeException e) {
                throw new AuditUnavailableException("the audit record could not be sent", e);
            }
            last = chained;
        }
        try {
            sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException("interrupted while the audit record was sent", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AuditUnavailableException("the audit record was not acknowledged in " + timeout, e);
        }
    }

    private AuditRecord withProducer(AuditRecord draft) {
        return new AuditRecord(producerId, 0, draft.at(), draft.subject(), draft.roles(), draft.agency(),
                draft.unit(), draft.client(), draft.action(), draft.resource(), draft.caseId(), draft.referralId(),
                draft.notificationId(), draft.outcome(), draft.status(), draft.clientAddress(), draft.reason(), null,
                null);
    }

    /** The record as its message on {@code audit.events.v1}. */
    public static AuditRecorded toEvent(AuditRecord record) {
        return new AuditRecorded(Ids.nameBased(AuditRecorded.TYPE, record.producer(),
                Long.toString(record.sequence())), record.at(), record.caseId(), record.producer(), record.sequence(),
                record.subject(), record.roles(), record.agency(), record.unit(), record.client(), record.action(),
                record.resource(), record.referralId(), record.notificationId(), record.outcome().name(),
                record.status(), record.clientAddress(), record.reason(), record.previousHash(), record.hash());
    }

    /** The record a message carries, for verifying its chain. */
    public static AuditRecord fromEvent(AuditRecorded event) {
        return new AuditRecord(event.producer(), event.sequence(), event.occurredAt(), event.subject(), event.roles(),
                event.agency(), event.unit(), event.client(), event.action(), event.resource(), event.caseId(),
                event.referralId(), event.notificationId(), AuditRecord.Outcome.valueOf(event.outcome()),
                event.status(), event.clientAddress(), event.reason(), event.previousHash(), event.hash());
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
