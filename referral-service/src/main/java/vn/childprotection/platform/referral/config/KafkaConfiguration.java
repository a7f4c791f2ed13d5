package vn.childprotection.platform.referral.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import vn.childprotection.platform.contracts.Agencies;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.referral.adapter.out.kafka.KafkaEventPublisher;
import vn.childprotection.platform.referral.adapter.out.kafka.TopicProvisioner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbox relay's producer ({@code acks=all}, idempotent, String key, byte[] value) and the topics this service
 * writes: {@code case.events.v1} and the referral topics of the seven national agencies (S0 Art 9.5 a–g); topics of
 * agencies a ruleset adds are created on demand by {@link TopicProvisioner}.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    static List<String> declaredTopics() {
        List<String> topics = new ArrayList<>();
        topics.add(Topics.CASE_EVENTS);
        Agencies.NATIONAL.forEach(agency -> topics.add(Topics.referralsFor(agency)));
        return topics;
    }

    @Bean
    KafkaAdmin.NewTopics referralTopics(ReferralProperties properties) {
        return new KafkaAdmin.NewTopics(declaredTopics().stream()
                .map(name -> TopicBuilder.name(name)
                        .partitions(properties.topics().partitions())
                        .replicas(properties.topics().replicationFactor())
                        .build())
                .toArray(NewTopic[]::new));
    }

    @Bean
    ProducerFactory<String, byte[]> outboxProducerFactory(
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers, ReferralProperties properties) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        int timeout = (int) Math.max(1000, properties.outbox().publishTimeout().toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout * 2);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "referral-service-outbox");
        return new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @Bean
    KafkaTemplate<String, byte[]> outboxKafkaTemplate(ProducerFactory<String, byte[]> outboxProducerFactory) {
        return new KafkaTemplate<>(outboxProducerFactory);
    }

    @Bean
    TopicProvisioner topicProvisioner(KafkaAdmin kafkaAdmin, ReferralProperties properties) {
        return new TopicProvisioner(kafkaAdmin, properties.topics().partitions(),
                properties.topics().replicationFactor(), declaredTopics());
    }

    @Bean
    KafkaEventPublisher kafkaEventPublisher(KafkaTemplate<String, byte[]> outboxKafkaTemplate,
                                            TopicProvisioner topicProvisioner, ReferralProperties properties) {
        return new KafkaEventPublisher(outboxKafkaTemplate, topicProvisioner, properties.outbox().publishTimeout());
    }
}
