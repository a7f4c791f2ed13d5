package vn.childprotection.platform.testsupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import vn.childprotection.platform.contracts.AuditEvent;
import vn.childprotection.platform.contracts.AuditRecorded;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.Topics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Reads {@code audit.events.v1} from its beginning, as an auditor's store would: every record every service under
 * test wrote so far (each was on the broker before the response it describes).
 */
public final class AuditTrailReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<AuditRecorded> seen = new ArrayList<>();

    public AuditTrailReader(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "audit-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.AUDIT_EVENTS));
    }

    /** Every record read so far, after reading what has arrived. */
    public synchronized List<AuditRecorded> records() {
        consumer.poll(Duration.ofMillis(300)).forEach(record ->
                seen.add((AuditRecorded) EventJson.read(record.value(), AuditEvent.class)));
        return List.copyOf(seen);
    }

    /** The first record matching, reading until it arrives or the patience runs out. */
    public AuditRecorded await(Predicate<AuditRecorded> wanted, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            for (AuditRecorded record : records()) {
                if (wanted.test(record)) {
                    return record;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no such audit record within " + patience + " among " + seen.size());
            }
        }
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
