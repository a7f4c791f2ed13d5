package vn.childprotection.platform.testsupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import vn.childprotection.platform.access.audit.AuditChainVerifier;
import vn.childprotection.platform.access.audit.AuditRecord;
import vn.childprotection.platform.contracts.AuditEvent;
import vn.childprotection.platform.contracts.AuditRecorded;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.Topics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    /**
     * Every producer's chain, as read so far, verified: the first break, or how many records are intact. A chain
     * read while its producer still writes is complete up to the last record read.
     */
    public AuditChainVerifier.Verification verifyChains() {
        Map<String, List<AuditRecord>> chains = new TreeMap<>();
        for (AuditRecorded event : records()) {
            chains.computeIfAbsent(event.producer(), producer -> new ArrayList<>()).add(recordOf(event));
        }
        long intact = 0;
        for (List<AuditRecord> chain : chains.values()) {
            AuditChainVerifier.Verification verification = AuditChainVerifier.verify(chain);
            if (verification instanceof AuditChainVerifier.Intact(long records)) {
                intact += records;
            } else {
                return verification;
            }
        }
        return new AuditChainVerifier.Intact(intact);
    }

    /** The record a message carries. */
    public static AuditRecord recordOf(AuditRecorded event) {
        return new AuditRecord(event.producer(), event.sequence(), event.occurredAt(), event.subject(), event.roles(),
                event.agency(), event.unit(), event.client(), event.action(), event.resource(), event.caseId(),
                event.referralId(), event.notificationId(), AuditRecord.Outcome.valueOf(event.outcome()),
                event.status(), event.clientAddress(), event.reason(), event.previousHash(), event.hash());
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
