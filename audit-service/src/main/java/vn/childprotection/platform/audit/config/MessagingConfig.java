package vn.childprotection.platform.audit.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;
import vn.childprotection.platform.support.messaging.EventSchemas;
import vn.childprotection.platform.audit.adapter.in.messaging.AuditEventListener;
import vn.childprotection.platform.audit.application.AuditIntake;
import vn.childprotection.platform.support.messaging.ConsumerProgress;
import vn.childprotection.platform.support.messaging.ResilientConsumersConfiguration;
import vn.childprotection.platform.support.store.StoreClientConfiguration;

import java.util.List;
import java.util.function.Consumer;

/**
 * The Spring Cloud Stream function, bound in application.yml: {@code onAuditEvent} ← {@code audit.events.v1}, group
 * {@code audit-service}, in batch mode, dead letters to {@code audit.events.v1.audit-service.dlt}. Failures are
 * handled in the listener container ({@link ResilientConsumersConfiguration}): a malformed record is dead-lettered at
 * once, a batch the store cannot take now is tried again until it can, any other failure as the binding's retry
 * settings say.
 */
@Configuration(proxyBeanMethods = false)
@Import({ResilientConsumersConfiguration.class, StoreClientConfiguration.class})
public class MessagingConfig {

    @Bean
    Consumer<Message<List<byte[]>>> onAuditEvent(AuditIntake intake, MeterRegistry meters,
                                                 ConsumerProgress consumerProgress, EventSchemas schemas) {
        return new AuditEventListener(intake, meters, consumerProgress, schemas);
    }
}
