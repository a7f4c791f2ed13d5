package vn.childprotection.platform.notification.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.childprotection.platform.notification.adapter.in.messaging.CaseEventConsumer;
import vn.childprotection.platform.notification.application.port.in.RecordReferralNotificationUseCase;

import java.util.function.Consumer;

/**
 * The {@code onCaseEvent} function; its binding (topic, group, retries, dead-letter topic) is in
 * {@code application.yml}. This service publishes nothing, so it declares no producer.
 */
@Configuration(proxyBeanMethods = false)
public class MessagingConfiguration {

    @Bean
    Consumer<Message<byte[]>> onCaseEvent(RecordReferralNotificationUseCase useCase, MeterRegistry meters) {
        return new CaseEventConsumer(useCase, meters);
    }
}
