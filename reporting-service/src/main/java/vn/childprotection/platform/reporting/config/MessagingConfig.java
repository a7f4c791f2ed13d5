package vn.childprotection.platform.reporting.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.annotation.StreamRetryTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.messaging.Message;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.reporting.adapter.in.messaging.CaseEventListener;
import vn.childprotection.platform.reporting.application.port.in.ProjectCaseEventUseCase;

import java.util.function.Consumer;

/**
 * The Spring Cloud Stream function {@code onCaseEvent}, bound in application.yml to {@code case.events.v1}, group
 * {@code reporting-service}, dead letters to {@code case.events.v1.reporting-service.dlt}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsumerRetryProperties.class)
public class MessagingConfig {

    /** The retry template name the binding refers to ({@code consumer.retry-template-name}). */
    public static final String CASE_EVENT_RETRY = "caseEventRetryTemplate";

    @Bean
    Consumer<Message<byte[]>> onCaseEvent(ProjectCaseEventUseCase projector, MeterRegistry meters) {
        return new CaseEventListener(projector, meters);
    }

    /**
     * A malformed message can never succeed: it is not retried and goes straight to the dead-letter topic
     * (conventions, "Messages"). Declared as a bean because the binding's {@code retryable-exceptions} map cannot
     * name a nested class ({@code EventJson$MalformedEventException} is not a valid property name). Causes are
     * matched too, so the framework's wrapping exception does not hide it.
     */
    @Bean(CASE_EVENT_RETRY)
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
