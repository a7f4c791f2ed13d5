package vn.childprotection.platform.notification.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.messaging.Message;
import vn.childprotection.platform.support.messaging.EventSchemas;
import vn.childprotection.platform.support.messaging.KafkaConnection;
import vn.childprotection.platform.notification.adapter.in.messaging.CaseEventConsumer;
import vn.childprotection.platform.notification.adapter.in.messaging.IntakeReportConsumer;
import vn.childprotection.platform.notification.adapter.out.kafka.KafkaNotificationEventPublisher;
import vn.childprotection.platform.notification.application.port.in.RecordInformantContactUseCase;
import vn.childprotection.platform.notification.application.port.in.RecordReferralNotificationUseCase;
import vn.childprotection.platform.notification.application.port.out.NotificationEventPublisher;
import vn.childprotection.platform.support.messaging.ResilientConsumersConfiguration;
import vn.childprotection.platform.support.security.ApiSecurityConfiguration;
import vn.childprotection.platform.support.store.StoreClientConfiguration;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@code onCaseEvent}, {@code onIntakeReport} and {@code onUrgentIntakeReport} functions; their bindings (topic, group, retries, dead-letter
 * topic) are in {@code application.yml}. The producer publishes final notification statuses on
 * {@code notifications.delivered.v1} and {@code notifications.failed.v1} (String key, byte[] value, acks=all,
 * idempotent).
 */
@Configuration(proxyBeanMethods = false)
@Import({ResilientConsumersConfiguration.class, StoreClientConfiguration.class, ApiSecurityConfiguration.class})
public class MessagingConfiguration {

    /**
     * Only records; what it stored is handed to the delivery workers by the use case ({@code DeliveryHandOff}), so
     * the consumer neither waits on an endpoint nor wakes a scanning poll.
     */
    @Bean
    Consumer<Message<byte[]>> onCaseEvent(RecordReferralNotificationUseCase useCase, MeterRegistry meters, EventSchemas schemas) {
        return new CaseEventConsumer(useCase, meters, schemas);
    }

    /** A contact may release an outcome notification that waited for it: handed off the same way. */
    @Bean
    Consumer<Message<byte[]>> onIntakeReport(RecordInformantContactUseCase useCase, MeterRegistry meters, EventSchemas schemas) {
        return new IntakeReportConsumer(useCase, meters, schemas);
    }

    /** The same on {@code intake.reports.urgent.v1}, the EMERGENCY reports' lane. */
    @Bean
    Consumer<Message<byte[]>> onUrgentIntakeReport(RecordInformantContactUseCase useCase, MeterRegistry meters, EventSchemas schemas) {
        return new IntakeReportConsumer(useCase, meters, schemas);
    }

    @Bean
    ProducerFactory<String, byte[]> notificationProducerFactory(KafkaProperties kafka) {
        Map<String, Object> props = new HashMap<>(KafkaConnection.of(kafka));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return new DefaultKafkaProducerFactory<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    @Bean
    KafkaTemplate<String, byte[]> notificationKafkaTemplate(ProducerFactory<String, byte[]> factory) {
        return new KafkaTemplate<>(factory);
    }

    @Bean
    NotificationEventPublisher notificationEventPublisher(KafkaTemplate<String, byte[]> kafka,
                                                          DeliveryProperties delivery) {
        return new KafkaNotificationEventPublisher(kafka, delivery.deliveredTopic(), delivery.deadLetterTopic(),
                Duration.ofSeconds(30));
    }
}
