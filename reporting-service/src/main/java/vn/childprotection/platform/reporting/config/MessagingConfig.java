package vn.childprotection.platform.reporting.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.annotation.StreamRetryTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.messaging.Message;
import vn.childprotection.platform.contracts.CaseEvent;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.NotificationEvent;
import vn.childprotection.platform.reporting.adapter.in.messaging.EventListener;
import vn.childprotection.platform.reporting.application.EventProjector;

import java.util.function.Consumer;

/**
 * The Spring Cloud Stream functions, bound in application.yml (group {@code reporting-service}, dead letters to
 * {@code <topic>.reporting-service.dlt}): {@code onCaseEvent} ← {@code case.events.v1},
 * {@code onNotificationDelivered} ← {@code notifications.delivered.v1}, {@code onNotificationFailed} ←
 * {@code notifications.failed.v1}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsumerRetryProperties.class)
public class MessagingConfig {

    /** The retry template name the bindings refer to ({@code consumer.retry-template-name}). */
    public static final String EVENT_RETRY = "caseEventRetryTemplate";

    @Bean
    Consumer<Message<byte[]>> onCaseEvent(EventProjector projector, MeterRegistry meters) {
        return new EventListener<>(CaseEvent.class, projector, meters);
    }

    @Bean
    Consumer<Message<byte[]>> onNotificationDelivered(EventProjector projector, MeterRegistry meters) {
        return new EventListener<>(NotificationEvent.class, projector, meters);
    }

    @Bean
    Consumer<Message<byte[]>> onNotificationFailed(EventProjector projector, MeterRegistry meters) {
        return new EventListener<>(NotificationEvent.class, projector, meters);
    }

    /**
     * A malformed message can never succeed: it is not retried and goes straight to the dead-letter topic
     * (conventions, "Messages"). Declared as a bean because the binding's {@code retryable-exceptions} map cannot
     * name a nested class ({@code EventJson$MalformedEventException} is not a valid property name). Causes are
     * matched too, so the framework's wrapping exception does not hide it.
     */
    @Bean(EVENT_RETRY)
    @StreamRetryTemplate
    RetryTemplate caseEventRetryTemplate(ConsumerRetryProperties retry) {
        return new RetryTemplate(RetryPolicy.builder()
                .maxRetries(retry.maxRetries())
                .delay(retry.initialDelay())
                .multiplier(retry.multiplier())
                .maxDelay(retry.maxDelay())
                .excludes(EventJson.MalformedEventException.class)
                .build());
    }
}
