package vn.childprotection.platform.reporting.adapter.in.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import vn.childprotection.platform.support.messaging.EventSchemas;
import vn.childprotection.platform.contracts.Event;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.reporting.application.EventProjector;
import vn.childprotection.platform.reporting.domain.ProjectionOutcome;

import java.util.function.Consumer;

/**
 * A Spring Cloud Stream consumer of one topic's event family: {@code onCaseEvent} on {@code case.events.v1},
 * {@code onNotificationDelivered} / {@code onNotificationFailed} on the notification topics (group
 * {@code reporting-service}). A malformed message throws {@link EventJson.MalformedEventException}, which the binding
 * does not retry and dead-letters to {@code <topic>.reporting-service.dlt}; other failures are retried, then
 * dead-lettered. Logs and metric tags name event types, event ids and case ids only (conventions, "Personal data").
 */
public final class EventListener<T extends Event> implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(EventListener.class);

    static final String PROJECTED = "reporting.events.projected";
    static final String SKIPPED = "reporting.events.skipped";
    static final String MALFORMED = "reporting.events.malformed";

    private final Class<T> family;
    private final EventProjector projector;
    private final MeterRegistry meters;
    private final EventSchemas schemas;

    public EventListener(Class<T> family, EventProjector projector, MeterRegistry meters, EventSchemas schemas) {
        this.schemas = schemas;
        this.family = family;
        this.projector = projector;
        this.meters = meters;
    }

    @Override
    public void accept(Message<byte[]> message) {
        EventJson.Decoded<T> decoded;
        try {
            schemas.check(message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC), message.getPayload());
            decoded = EventJson.decode(message.getPayload(), family);
        } catch (EventJson.MalformedEventException malformed) {
            Counter.builder(MALFORMED).description("events that could not be read (dead-lettered)")
                    .tag("family", family.getSimpleName()).register(meters).increment();
            log.warn("Malformed {} at {}-{}@{} ({}): dead-lettering without retry", family.getSimpleName(),
                    message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC),
                    message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION),
                    message.getHeaders().get(KafkaHeaders.OFFSET), malformed.getMessage());
            throw malformed;
        }
        switch (decoded) {
            case EventJson.Decoded.Known<T> known -> project(known.event());
            case EventJson.Decoded.UnknownType<T> unknown -> {
                Counter.builder(SKIPPED).description("events of a type this version does not know")
                        .tag("reason", "unknown-type").register(meters).increment();
                log.info("Skipping event of unknown type {} (a newer schema)", unknown.eventType());
            }
        }
    }

    private void project(Event event) {
        ProjectionOutcome outcome = projector.project(event);
        Counter.builder(PROJECTED).description("events projected into the reporting facts")
                .tag("eventType", event.eventType())
                .tag("outcome", outcome.name())
                .register(meters).increment();
        log.debug("Projected {} {} of case {}: {}", event.eventType(), event.eventId(), event.caseId(), outcome);
    }
}
