package vn.childprotection.platform.reporting.adapter.in.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import vn.childprotection.platform.contracts.CaseEvent;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.reporting.application.port.in.ProjectCaseEventUseCase;

import java.util.function.Consumer;

/**
 * The {@code onCaseEvent} binding on {@code case.events.v1} (group {@code reporting-service}). A malformed message
 * throws {@link EventJson.MalformedEventException}, which the binding does not retry and dead-letters to
 * {@code case.events.v1.reporting-service.dlt}; other failures are retried, then dead-lettered. Logs and metric
 * tags name event types, event ids and case ids only (conventions, "Personal data").
 */
public final class CaseEventListener implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(CaseEventListener.class);

    static final String PROJECTED = "reporting.events.projected";
    static final String SKIPPED = "reporting.events.skipped";
    static final String MALFORMED = "reporting.events.malformed";

    private final ProjectCaseEventUseCase projector;
    private final MeterRegistry meters;

    public CaseEventListener(ProjectCaseEventUseCase projector, MeterRegistry meters) {
        this.projector = projector;
        this.meters = meters;
    }

    @Override
    public void accept(Message<byte[]> message) {
        EventJson.Decoded<CaseEvent> decoded;
        try {
            decoded = EventJson.decode(message.getPayload(), CaseEvent.class);
        } catch (EventJson.MalformedEventException malformed) {
            Counter.builder(MALFORMED).description("case events that could not be read (dead-lettered)")
                    .register(meters).increment();
            log.warn("Malformed case event at {}-{}@{}: dead-lettering without retry",
                    message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC),
                    message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION),
                    message.getHeaders().get(KafkaHeaders.OFFSET));
            throw malformed;
        }
        switch (decoded) {
            case EventJson.Decoded.Known<CaseEvent> known -> project(known.event());
            case EventJson.Decoded.UnknownType<CaseEvent> unknown -> {
                Counter.builder(SKIPPED).description("case events of a type this version does not know")
                        .tag("reason", "unknown-type").register(meters).increment();
                log.info("Skipping case event of unknown type {} (a newer schema)", unknown.eventType());
            }
        }
    }

    private void project(CaseEvent event) {
        ProjectCaseEventUseCase.Outcome outcome = projector.project(event);
        Counter.builder(PROJECTED).description("case events projected into the reporting facts")
                .tag("eventType", event.eventType())
                .tag("outcome", outcome.name())
                .register(meters).increment();
        log.debug("Projected {} {} of case {}: {}", event.eventType(), event.eventId(), event.caseId(), outcome);
    }
}
