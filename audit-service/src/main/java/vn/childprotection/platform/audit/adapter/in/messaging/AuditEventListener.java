package vn.childprotection.platform.audit.adapter.in.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.support.messaging.EventSchemas;
import vn.childprotection.platform.access.audit.AuditRecord;
import vn.childprotection.platform.audit.application.AuditIntake;
import vn.childprotection.platform.audit.domain.StoredRecord;
import vn.childprotection.platform.contracts.AuditEvent;
import vn.childprotection.platform.contracts.AuditRecorded;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.support.audit.KafkaAuditTrail;
import vn.childprotection.platform.support.messaging.ConsumerProgress;
import vn.childprotection.platform.support.messaging.InfrastructureUnavailable;
import vn.childprotection.platform.support.messaging.WaitingForInfrastructureException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@code onAuditEvent} function binding on {@code audit.events.v1} (group {@code audit-service}), in batch mode:
 * each poll's records are stored with one write ({@link AuditIntake}). Records of a newer type are skipped. A
 * malformed record (unreadable, or lacking what every chained record carries) ends the batch there: the records
 * before it are stored, then a {@link BatchListenerFailedException} at its index has the container commit those,
 * dead-letter that one at once ({@code audit.events.v1.audit-service.dlt}, not retried) and deliver the rest again.
 * A batch the store cannot take now fails at its first record and is tried again until it can (service-support's
 * {@code ResilientConsumers}); any other failure as the binding's retry settings say. Logs name coordinates, event
 * ids, producers and sequence numbers only.
 */
public final class AuditEventListener implements Consumer<Message<List<byte[]>>> {

    private static final Logger log = LoggerFactory.getLogger(AuditEventListener.class);

    static final String CONSUMED = "audit.records.consumed";
    static final String GROUP = "audit-service";

    private final AuditIntake intake;
    private final MeterRegistry meters;
    private final ConsumerProgress progress;
    private final EventSchemas schemas;

    public AuditEventListener(AuditIntake intake, MeterRegistry meters, ConsumerProgress progress,
                              EventSchemas schemas) {
        this.schemas = schemas;
        this.intake = intake;
        this.meters = meters;
        this.progress = progress;
    }

    @Override
    public void accept(Message<List<byte[]>> batch) {
        List<byte[]> payloads = batch.getPayload();
        List<StoredRecord> records = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            StoredRecord record;
            try {
                schemas.check(Topics.AUDIT_EVENTS, payloads.get(i));
                record = read(payloads.get(i));
            } catch (EventJson.MalformedEventException malformed) {
                count("malformed", 1);
                log.warn("Malformed audit record at {}: dead-lettered without retry", coordinates(batch, i));
                store(batch, records);
                throw new BatchListenerFailedException("malformed audit record", malformed, i);
            }
            if (record == null) {
                count("skipped_unknown_type", 1);
            } else {
                records.add(record);
            }
        }
        store(batch, records);
    }

    /** The record a message carries; {@code null} for a type of a newer contracts version. */
    private static StoredRecord read(byte[] payload) {
        return switch (EventJson.decode(payload, AuditEvent.class)) {
            case EventJson.Decoded.UnknownType<AuditEvent> unknown -> {
                log.info("Skipping audit event of unknown type {} (a newer schema)", unknown.eventType());
                yield null;
            }
            case EventJson.Decoded.Known<AuditEvent> known -> switch (known.event()) {
                case AuditRecorded recorded -> toStored(recorded);
            };
        };
    }

    static StoredRecord toStored(AuditRecorded event) {
        AuditRecord record;
        try {
            record = KafkaAuditTrail.fromEvent(event);
        } catch (RuntimeException unusable) {
            throw new EventJson.MalformedEventException("not an AuditRecorded: outcome is not ALLOWED or REFUSED");
        }
        List<String> problems = StoredRecord.problems(event.eventId(), record);
        if (!problems.isEmpty()) {
            throw new EventJson.MalformedEventException("not an AuditRecorded: " + String.join(", ", problems));
        }
        return StoredRecord.of(event.eventId(), record);
    }

    private void store(Message<List<byte[]>> batch, List<StoredRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        AuditIntake.Outcome outcome;
        try {
            outcome = intake.store(records);
        } catch (RuntimeException failure) {
            if (InfrastructureUnavailable.test(failure)) {
                count("waiting_for_store", records.size());
                throw new BatchListenerFailedException("audit records wait for the store", new
                        WaitingForInfrastructureException(records.size() + " audit records wait for the store: "
                        + failure.getClass().getSimpleName()), 0);
            }
            count("failed", records.size());
            throw new BatchListenerFailedException("audit records not stored", new RecordsNotStoredException(
                    records.size(), failure), 0);
        }
        count("stored", outcome.stored());
        count("replayed", outcome.replayed());
        count("conflicting", outcome.conflicting());
        count("purged", outcome.purged());
        if (outcome.conflicting() > 0) {
            log.warn("{} audit records arrived under an event id already kept with other content: kept as "
                    + "conflicting copies; verification reports their chains", outcome.conflicting());
        }
        log.debug("Audit batch: {}", outcome);
        progressed(batch);
    }

    /** Every partition of the batch moved on: the consumers' health no longer reports it as held. */
    private void progressed(Message<List<byte[]>> batch) {
        List<?> topics = list(batch.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC));
        List<?> partitions = list(batch.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION));
        for (int i = 0; i < partitions.size(); i++) {
            Object topic = topics.isEmpty() ? null : topics.get(Math.min(i, topics.size() - 1));
            if (topic != null && partitions.get(i) instanceof Integer partition) {
                progress.progressed(GROUP, topic.toString(), partition);
            }
        }
    }

    private static String coordinates(Message<List<byte[]>> batch, int index) {
        List<?> topics = list(batch.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC));
        List<?> partitions = list(batch.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION));
        List<?> offsets = list(batch.getHeaders().get(KafkaHeaders.OFFSET));
        return at(topics, index) + "-" + at(partitions, index) + "@" + at(offsets, index);
    }

    private static Object at(List<?> values, int index) {
        return index < values.size() ? values.get(index) : "?";
    }

    private static List<?> list(Object header) {
        return header instanceof List<?> values ? values : header == null ? List.of() : List.of(header);
    }

    private void count(String outcome, int n) {
        if (n > 0) {
            Counter.builder(CONSUMED).description("audit records consumed, by outcome")
                    .tag("outcome", outcome).register(meters).increment(n);
        }
    }

    /** A batch the store refused for another reason than being unavailable: the failure's type only, no cause. */
    static final class RecordsNotStoredException extends RuntimeException {
        RecordsNotStoredException(int records, RuntimeException failure) {
            super(records + " audit records not stored: " + failure.getClass().getSimpleName(), null, false, false);
        }
    }
}
