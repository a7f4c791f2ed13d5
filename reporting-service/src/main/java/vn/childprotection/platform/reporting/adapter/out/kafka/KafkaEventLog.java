package vn.childprotection.platform.reporting.adapter.out.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.childprotection.platform.support.messaging.EventSchemas;
import vn.childprotection.platform.contracts.CaseEvent;
import vn.childprotection.platform.contracts.Event;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.NotificationEvent;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.reporting.application.port.out.EventLog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the consumed topics from their beginning with a dedicated consumer: {@code assign()} every partition,
 * {@code seekToBeginning}, up to the end offsets taken at the start (events that arrive later reach the new
 * generation through the live consumer). No consumer group, no committed offsets. Large fetches: a rebuild is a
 * bulk read.
 */
public class KafkaEventLog implements EventLog {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventLog.class);
    private static final Map<String, Class<? extends Event>> FAMILIES = Map.of(
            Topics.CASE_EVENTS, CaseEvent.class,
            Topics.NOTIFICATIONS_DELIVERED, NotificationEvent.class,
            Topics.NOTIFICATIONS_FAILED, NotificationEvent.class);

    private final Map<String, Object> connection;
    private final Duration patience;
    private final EventSchemas schemas;

    /** @param connection bootstrap servers and, on a secured broker, the security settings (service-support's KafkaConnection) */
    public KafkaEventLog(Map<String, Object> connection, Duration patience, EventSchemas schemas) {
        this.schemas = schemas;
        this.connection = Map.copyOf(connection);
        this.patience = patience;
    }

    @Override
    public Replay replay(Sink sink) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
        // large, but bounded: what the consumer buffers adds to the fold's memory (reporting.rebuild)
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16 * 1024 * 1024);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-service-rebuild");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : FAMILIES.keySet()) {
                var infos = consumer.partitionsFor(topic, patience);
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, patience);
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, patience);
            long total = partitions.stream().mapToLong(p -> ends.get(p) - begins.get(p)).sum();
            List<TopicPartition> remaining = new ArrayList<>(partitions.stream()
                    .filter(p -> ends.get(p) > begins.get(p)).toList());
            consumer.pause(partitions.stream().filter(p -> !remaining.contains(p)).toList());
            long read = 0;
            long malformed = 0;
            long lastReport = 0;
            sink.progress(0, total);
            long deadline = System.nanoTime() + patience.toNanos();
            while (!remaining.isEmpty()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) {
                    deadline = System.nanoTime() + patience.toNanos();
                }
                for (TopicPartition partition : records.partitions()) {
                    long end = ends.get(partition);
                    Class<? extends Event> family = FAMILIES.get(partition.topic());
                    for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                        if (record.offset() >= end) {
                            break;
                        }
                        read++;
                        try {
                            // what the live listeners dead-letter, the rebuild leaves out: the same figures
                            schemas.check(record.topic(), record.value());
                            if (EventJson.decode(record.value(), family)
                                    instanceof EventJson.Decoded.Known<? extends Event> known) {
                                sink.accept(known.event());
                            }
                        } catch (EventJson.MalformedEventException e) {
                            malformed++;
                        }
                    }
                }
                for (TopicPartition partition : List.copyOf(remaining)) {
                    if (consumer.position(partition) >= ends.get(partition)) {
                        remaining.remove(partition);
                        consumer.pause(List.of(partition));
                    }
                }
                if (read - lastReport >= 10_000) {
                    sink.progress(read, total);
                    lastReport = read;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the topics stopped answering during the rebuild");
                }
            }
            sink.progress(read, total);
            log.debug("Replayed {} messages from {} partitions", read, partitions.size());
            return new Replay(read, malformed);
        }
    }
}
