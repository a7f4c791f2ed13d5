package vn.childprotection.platform.reporting.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;
import vn.childprotection.platform.support.messaging.EventSchemas;
import vn.childprotection.platform.contracts.CaseEvent;
import vn.childprotection.platform.contracts.NotificationEvent;
import vn.childprotection.platform.reporting.adapter.in.messaging.EventListener;
import vn.childprotection.platform.reporting.application.EventProjector;
import vn.childprotection.platform.support.messaging.ResilientConsumersConfiguration;
import vn.childprotection.platform.support.security.ApiSecurityConfiguration;
import vn.childprotection.platform.support.store.StoreClientConfiguration;

import java.util.function.Consumer;

/**
 * The Spring Cloud Stream functions, bound in application.yml (group {@code reporting-service}, dead letters to
 * {@code <topic>.reporting-service.dlt}): {@code onCaseEvent} ← {@code case.events.v1},
 * {@code onNotificationDelivered} ← {@code notifications.delivered.v1}, {@code onNotificationFailed} ←
 * {@code notifications.failed.v1}. Failures are handled in the listener container ({@link ResilientConsumersConfiguration}):
 * a malformed message is dead-lettered at once, one the store cannot take now is tried again until it can, any other
 * as the binding's retry settings say.
 */
@Configuration(proxyBeanMethods = false)
@Import({ResilientConsumersConfiguration.class, StoreClientConfiguration.class, ApiSecurityConfiguration.class})
public class MessagingConfig {

    @Bean
    Consumer<Message<byte[]>> onCaseEvent(EventProjector projector, MeterRegistry meters, EventSchemas schemas) {
        return new EventListener<>(CaseEvent.class, projector, meters, schemas);
    }

    @Bean
    Consumer<Message<byte[]>> onNotificationDelivered(EventProjector projector, MeterRegistry meters, EventSchemas schemas) {
        return new EventListener<>(NotificationEvent.class, projector, meters, schemas);
    }

    @Bean
    Consumer<Message<byte[]>> onNotificationFailed(EventProjector projector, MeterRegistry meters, EventSchemas schemas) {
        return new EventListener<>(NotificationEvent.class, projector, meters, schemas);
    }
}
