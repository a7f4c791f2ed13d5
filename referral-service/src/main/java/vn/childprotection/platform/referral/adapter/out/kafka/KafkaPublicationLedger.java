package vn.childprotection.platform.referral.adapter.out.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import vn.childprotection.platform.referral.application.port.out.PublicationLedger;
import vn.childprotection.platform.referral.domain.OutboxMessage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@link PublicationLedger} on the topics themselves: for each pending message, the partition its key goes to (the
 * producer's own partitioner, {@link BuiltInPartitioner#partitionForKey}, over the topic's partition count) is read
 * from the first record written at or after the message's {@code recordedAt} less a clock-skew margin
 * ({@code offsetsForTimes}) up to the end offset as of the check, and the {@code eventId} headers found there are
 * collected. One assigned consumer without a group (nothing committed, no rebalancing), created on first use and kept;
 * checks are serialised on it (they are rare: only after an unfinished relay attempt). Any failure, or not reaching
 * the end offsets within {@code timeout}, is a {@link LedgerUnavailableException}: the relay then sends nothing.
 *
 * <p>Reads without a transaction isolation level beyond the default ({@code read_uncommitted}): the outbox producer
 * is idempotent, not transactional. A record is visible once below the high watermark, i.e. fully replicated; with
 * {@code acks=all} that is before the producer's acknowledgement.
 */
public final class KafkaPublicationLedger implements PublicationLedger, AutoCloseable {

    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final Duration timeout;
    private final Duration clockSkew;
    private Consumer<byte[], byte[]> consumer;

    /**
     * @param consumers makes the consumer: byte[] deserializers, no {@code group.id}, auto-commit off, its
     *                  {@code default.api.timeout.ms} no longer than {@code timeout}
     * @param timeout   how long one check may take in all
     * @param clockSkew how much earlier than {@code recordedAt} a copy's timestamp may be (clocks of the instance that
     *                  recorded the message, the one that sent it, and the broker)
     */
    public KafkaPublicationLedger(Supplier<Consumer<byte[], byte[]>> consumers, Duration timeout, Duration clockSkew) {
        this.consumers = consumers;
        this.timeout = timeout;
        this.clockSkew = clockSkew;
    }

    @Override
    public synchronized Set<String> alreadyPublished(List<OutboxMessage> pending) {
        if (pending.isEmpty()) {
            return Set.of();
        }
        try {
            if (consumer == null) {
                consumer = consumers.get();
            }
            return lookUp(consumer, pending, System.nanoTime() + timeout.toNanos());
        } catch (RuntimeException e) {
            closeConsumer();
            throw new LedgerUnavailableException("could not read the topics of " + pending.size()
                    + " pending message(s) (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private Set<String> lookUp(Consumer<byte[], byte[]> reader, List<OutboxMessage> pending, long deadline) {
        Map<TopicPartition, Long> fromMillis = new HashMap<>();
        Set<String> wanted = new HashSet<>();
        Map<String, Integer> partitionCounts = new HashMap<>();
        for (OutboxMessage message : pending) {
            int partitions = partitionCounts.computeIfAbsent(message.topic(),
                    topic -> partitionCount(reader, topic, deadline));
            if (partitions == 0) {
                continue; // no such topic (yet): the message cannot be on it
            }
            int partition = BuiltInPartitioner.partitionForKey(message.key().getBytes(StandardCharsets.UTF_8),
                    partitions);
            Instant recordedAt = message.recordedAt() != null ? message.recordedAt() : Instant.EPOCH;
            long from = Math.max(0, recordedAt.minus(clockSkew).toEpochMilli());
            fromMillis.merge(new TopicPartition(message.topic(), partition), from, Math::min);
            wanted.add(message.eventId());
        }
        Set<String> found = new HashSet<>();
        if (fromMillis.isEmpty()) {
            return found;
        }
        Map<TopicPartition, OffsetAndTimestamp> starts = reader.offsetsForTimes(fromMillis, remaining(deadline));
        Map<TopicPartition, Long> ends = reader.endOffsets(fromMillis.keySet(), remaining(deadline));
        Map<TopicPartition, Long> toRead = new HashMap<>();
        starts.forEach((partition, start) -> {
            Long end = ends.get(partition);
            if (start != null && end != null && start.offset() < end) {
                toRead.put(partition, end);
            }
        });
        if (toRead.isEmpty()) {
            return found; // nothing written since the earliest recordedAt
        }
        reader.assign(toRead.keySet());
        try {
            toRead.keySet().forEach(partition -> reader.seek(partition, starts.get(partition).offset()));
            Map<TopicPartition, Long> open = new HashMap<>(toRead);
            while (!open.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new org.apache.kafka.common.errors.TimeoutException("end offsets not reached within "
                            + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(100))) {
                    Long end = toRead.get(new TopicPartition(record.topic(), record.partition()));
                    if (end != null && record.offset() < end) {
                        Header eventId = record.headers().lastHeader(KafkaEventPublisher.EVENT_ID_HEADER);
                        if (eventId != null) {
                            String id = new String(eventId.value(), StandardCharsets.UTF_8);
                            if (wanted.contains(id)) {
                                found.add(id);
                            }
                        }
                    }
                }
                open.entrySet().removeIf(entry -> reader.position(entry.getKey(), remaining(deadline))
                        >= entry.getValue());
            }
        } finally {
            reader.assign(List.of());
        }
        return found;
    }

    private int partitionCount(Consumer<byte[], byte[]> reader, String topic, long deadline) {
        List<PartitionInfo> partitions = reader.partitionsFor(topic, remaining(deadline));
        return partitions == null ? 0 : partitions.size();
    }

    private Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
    }

    private void closeConsumer() {
        if (consumer != null) {
            try {
                consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(1)));
            } catch (RuntimeException ignored) {
                // a consumer that failed is dropped either way; the next check makes a new one
            }
            consumer = null;
        }
    }

    @Override
    public synchronized void close() {
        closeConsumer();
    }
}
