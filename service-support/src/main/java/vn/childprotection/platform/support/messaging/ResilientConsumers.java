package vn.childprotection.platform.support.messaging;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.Topics;

import java.util.function.BiFunction;

/**
 * How every consumer of a service handles a record it could not handle, in the listener container (not in the
 * binding): a malformed record goes to its dead-letter topic at once; a record that failed because the store or the
 * broker cannot serve ({@link InfrastructureUnavailable}) is tried again with a growing pause, for as long as it takes
 * — the partition holds its position, nothing is dead-lettered or skipped, the health says so
 * ({@link ConsumersHealthIndicator}), and the consumer resumes by itself when the infrastructure is back; any other
 * failure is tried as the binding's retry settings say, then dead-lettered. Offsets are committed only after a record
 * was handled or dead-lettered, so a process that dies meanwhile gets the record again.
 *
 * <p>The dead-letter record keeps the original key, value and headers plus where it came from and the classes of
 * the exception and its cause; the exception's message and stack trace are left out (a store error can quote the data it failed on).
 */
public final class ResilientConsumers implements ListenerContainerWithDlqAndRetryCustomizer, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ResilientConsumers.class);

    private final KafkaOperations<?, ?> deadLetters;
    private final Runnable closeDeadLetters;
    private final ConsumerProgress progress;
    private final BackOff infrastructureBackOff;

    /**
     * @param deadLetters           sends dead letters (byte[] key and value, as consumed)
     * @param closeDeadLetters      releases the dead-letter producer when the service stops
     * @param infrastructureBackOff the pauses between attempts while the store or the broker cannot serve; it should
     *                              never run out
     */
    public ResilientConsumers(KafkaOperations<?, ?> deadLetters, Runnable closeDeadLetters, ConsumerProgress progress,
                              BackOff infrastructureBackOff) {
        this.deadLetters = deadLetters;
        this.closeDeadLetters = closeDeadLetters;
        this.progress = progress;
        this.infrastructureBackOff = infrastructureBackOff;
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    @Override
    public void close() {
        closeDeadLetters.run();
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                          BackOff backOff) {
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer(group, dlqDestinationResolver),
                backOff == null ? new FixedBackOff(0L, 0L) : backOff);
        handler.addNotRetryableExceptions(EventJson.MalformedEventException.class);
        handler.setBackOffFunction((record, failure) ->
                InfrastructureUnavailable.test(failure) ? infrastructureBackOff : null);
        handler.setResetStateOnExceptionChange(true);
        handler.setRetryListeners(new Listener(group));
        container.setCommonErrorHandler(handler);
        progress.bound(destinationName, group);
        container.setRecordInterceptor((RecordInterceptor) new Progress(group));
    }

    private ConsumerRecordRecoverer recoverer(String group,
                                              BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination) {
        // a binding without the binder's dead-letter settings (one that listens to a topic pattern, where the binder
        // allows none) dead-letters to Topics.deadLetterFor, any partition (by the record's key)
        BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> where = destination != null ? destination
                : (record, failure) -> new TopicPartition(Topics.deadLetterFor(record.topic(), group), -1);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters, where);
        recoverer.excludeHeader(DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_MSG,
                DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_STACKTRACE);
        recoverer.setLogRecoveryRecord(false);
        return recoverer;
    }

    /** Logs each failed attempt (coordinates and the failure's type, never a value) and records waiting partitions. */
    private final class Listener implements RetryListener {
        private final String group;

        Listener(String group) {
            this.group = group;
        }

        @Override
        public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int attempt) {
            if (InfrastructureUnavailable.test(failure)) {
                progress.waiting(group, record.topic(), record.partition(), failure);
                if (attempt == 1 || Integer.bitCount(attempt) == 1) { // 1st, 2nd, 4th, 8th ... attempt
                    log.warn("{} holds {}-{}@{}: the store or the broker cannot serve ({}); attempt {}, trying again "
                                    + "until it can", group, record.topic(), record.partition(), record.offset(),
                            rootType(failure), attempt);
                }
            } else {
                log.warn("{} could not handle {}-{}@{} (attempt {}): {}", group, record.topic(), record.partition(),
                        record.offset(), attempt, rootType(failure));
            }
        }

        @Override
        public void recovered(ConsumerRecord<?, ?> record, Exception failure) {
            progress.progressed(group, record.topic(), record.partition());
            log.warn("{} dead-lettered {}-{}@{}: {}", group, record.topic(), record.partition(), record.offset(),
                    rootType(failure));
        }
    }

    /** A record handled: its partition is no longer held. */
    private final class Progress implements RecordInterceptor<Object, Object> {
        private final String group;

        Progress(String group) {
            this.group = group;
        }

        @Override
        public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                                                        Consumer<Object, Object> consumer) {
            return record;
        }

        @Override
        public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
            progress.progressed(group, record.topic(), record.partition());
        }
    }

    /** The innermost exception's type: what failed, without anything its message may quote. */
    static String rootType(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? failure.getClass().getName()
                : failure.getClass().getSimpleName() + " caused by " + root.getClass().getName();
    }
}
