package vn.childprotection.platform.referral.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.support.messaging.KafkaConnection;
import vn.childprotection.platform.referral.adapter.out.kafka.KafkaEventPublisher;
import vn.childprotection.platform.referral.adapter.out.kafka.KafkaPublicationLedger;
import vn.childprotection.platform.referral.adapter.out.kafka.TopicProvisioner;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbox relay's producer ({@code acks=all}, idempotent, String key, byte[] value) and the topics this service
 * writes: {@code case.events.v1} and the referral topics, one per agency and province. On a secured broker the
 * platform's provisioning has made them all and this service may create none (it only finds them there); on a
 * broker that lets clients create topics (the services' own tests) a referral topic is created on first use by
 * {@link TopicProvisioner}.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    /** The outbox producer's {@code linger.ms}; {@code delivery.timeout.ms} must be at least this more. */
    static final int LINGER_MS = 2;

    static List<String> declaredTopics() {
        List<String> topics = new ArrayList<>();
        topics.add(Topics.CASE_EVENTS);
        return topics;
    }

    @Bean
    KafkaAdmin.NewTopics referralTopics(ReferralProperties properties) {
        if (!properties.topics().create()) {
            return new KafkaAdmin.NewTopics();
        }
        return new KafkaAdmin.NewTopics(declaredTopics().stream()
                .map(name -> TopicBuilder.name(name)
                        .partitions(properties.topics().partitions())
                        .replicas(properties.topics().replicationFactor())
                        .build())
                .toArray(NewTopic[]::new));
    }

    @Bean
    ProducerFactory<String, byte[]> outboxProducerFactory(KafkaProperties kafka, ReferralProperties properties) {
        return new DefaultKafkaProducerFactory<>(outboxProducerConfig(KafkaConnection.of(kafka), properties.outbox()),
                new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * The outbox producer's settings (String key and byte[] value serializers are given to the factory), on the
     * {@code connection} ({@link KafkaConnection}).
     */
    public static Map<String, Object> outboxProducerConfig(Map<String, Object> connection,
                                                           ReferralProperties.Outbox outbox) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // a case's messages are sent together and then awaited: a 2 ms linger puts them in one request
        config.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        // the relay's wait (publish-timeout) outlasts delivery.timeout.ms: a record not acknowledged by then has
        // been given up by the producer and cannot be written after the relay's next check (README "Outbox")
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) outbox.requestTimeout().toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) outbox.deliveryTimeout().toMillis());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, outbox.requestTimeout().toMillis());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "referral-service-outbox");
        return config;
    }

    @Bean
    KafkaTemplate<String, byte[]> outboxKafkaTemplate(ProducerFactory<String, byte[]> outboxProducerFactory) {
        return new KafkaTemplate<>(outboxProducerFactory);
    }

    @Bean
    TopicProvisioner topicProvisioner(KafkaAdmin kafkaAdmin, ReferralProperties properties) {
        return new TopicProvisioner(properties.topics().create() ? kafkaAdmin : null,
                properties.topics().partitions(), properties.topics().replicationFactor(), declaredTopics());
    }

    @Bean
    KafkaEventPublisher kafkaEventPublisher(KafkaTemplate<String, byte[]> outboxKafkaTemplate,
                                            TopicProvisioner topicProvisioner, ReferralProperties properties,
                                            Clock clock) {
        return new KafkaEventPublisher(outboxKafkaTemplate, topicProvisioner, properties.outbox().publishTimeout(),
                clock);
    }

    /**
     * What the outbox relay asks after an unfinished attempt: which pending messages are already on their topics. Its
     * consumer has no group (assigned partitions, nothing committed) and never creates topics.
     */
    @Bean(destroyMethod = "close")
    KafkaPublicationLedger publicationLedger(KafkaProperties kafka, ReferralProperties properties) {
        Map<String, Object> connection = KafkaConnection.of(kafka);
        ReferralProperties.Outbox outbox = properties.outbox();
        return new KafkaPublicationLedger(() -> new KafkaConsumer<>(ledgerConsumerConfig(connection,
                outbox.checkTimeout()), new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                outbox.checkTimeout(), outbox.checkClockSkew());
    }

    /** The settings of the {@link KafkaPublicationLedger}'s consumer (byte[] deserializers given separately). */
    public static Map<String, Object> ledgerConsumerConfig(Map<String, Object> connection, Duration timeout) {
        int millis = (int) Math.max(1000, timeout.toMillis());
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "referral-service-outbox-check");
        return config;
    }
}
