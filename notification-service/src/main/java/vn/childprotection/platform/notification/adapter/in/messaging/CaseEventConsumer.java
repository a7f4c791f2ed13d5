package vn.childprotection.platform.notification.adapter.in.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import vn.childprotection.platform.support.messaging.EventSchemas;
import vn.childprotection.platform.contracts.CaseEvent;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.notification.application.port.in.RecordReferralNotificationUseCase;
import vn.childprotection.platform.notification.application.port.in.RecordReferralNotificationUseCase.AlreadyRecorded;
import vn.childprotection.platform.notification.application.port.in.RecordReferralNotificationUseCase.AwaitingInformant;
import vn.childprotection.platform.notification.application.port.in.RecordReferralNotificationUseCase.InformantNotTold;
import vn.childprotection.platform.notification.application.port.in.RecordReferralNotificationUseCase.NotApplicable;
import vn.childprotection.platform.notification.application.port.in.RecordReferralNotificationUseCase.Recorded;
import vn.childprotection.platform.support.messaging.InfrastructureUnavailable;
import vn.childprotection.platform.support.messaging.WaitingForInfrastructureException;

import java.util.function.Consumer;

/**
 * The {@code onCaseEvent} function binding on {@code case.events.v1} (group {@code notification-service}).
 * Malformed values throw {@link EventJson.MalformedEventException}, which the binding does not retry and sends to
 * {@code case.events.v1.notification-service.dlt}; a failure because the store cannot serve is tried again until it
 * can ({@link WaitingForInfrastructureException}); other failures are retried, then dead-lettered. Unknown future
 * event types are skipped. Logs carry ids, types and Kafka coordinates only, never the payload. A failure of the use
 * case is rethrown as {@link EventNotHandledException} (event type and id, the failure's type, no cause): the
 * outcome feedback reads the informant's contact, and a store or mapping error's own message may quote it — the
 * binder would log that message and copy it into the dead-letter record's headers.
 */
public final class CaseEventConsumer implements Consumer<Message<byte[]>> {

    /** Counter of consumed case events by outcome (codes only). */
    public static final String CASE_EVENTS_CONSUMED = "notification.case.events.consumed";

    private static final Logger log = LoggerFactory.getLogger(CaseEventConsumer.class);

    private final RecordReferralNotificationUseCase useCase;
    private final MeterRegistry meters;
    private final EventSchemas schemas;

    public CaseEventConsumer(RecordReferralNotificationUseCase useCase, MeterRegistry meters, EventSchemas schemas) {
        this.schemas = schemas;
        this.useCase = useCase;
        this.meters = meters;
    }

    @Override
    public void accept(Message<byte[]> message) {
        EventJson.Decoded<CaseEvent> decoded;
        try {
            schemas.check(message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC), message.getPayload());
            decoded = EventJson.decode(message.getPayload(), CaseEvent.class);
        } catch (EventJson.MalformedEventException malformed) {
            count("malformed");
            log.warn("malformed case event at {}: dead-lettered without retry", coordinates(message));
            throw malformed;
        }
        switch (decoded) {
            case EventJson.Decoded.UnknownType<CaseEvent> unknown -> {
                count("skipped_unknown_type");
                log.info("case event of unknown type {} at {} skipped", unknown.eventType(), coordinates(message));
            }
            case EventJson.Decoded.Known<CaseEvent> known -> {
                RecordReferralNotificationUseCase.Outcome outcome;
                try {
                    outcome = useCase.handle(known.event());
                } catch (RuntimeException failure) {
                    if (InfrastructureUnavailable.test(failure)) {
                        count("waiting_for_store");
                        throw new WaitingForInfrastructureException(known.event().eventType() + " "
                                + known.event().eventId() + " of case " + known.event().caseId()
                                + " waits for the store: " + failure.getClass().getSimpleName());
                    }
                    count("failed");
                    throw new EventNotHandledException(known.event(), failure);
                }
                switch (outcome) {
                    case Recorded recorded -> {
                        count("recorded");
                        recorded.notifications().forEach(n -> log.info("notification {} {} ({}) for case {} event {}",
                                n.notificationId(), n.status(), n.channel(), known.event().caseId(),
                                known.event().eventId()));
                    }
                    case AlreadyRecorded already -> {
                        count("duplicate");
                        log.info("notification {} already recorded; event {} changes nothing",
                                already.notificationId(), known.event().eventId());
                    }
                    case NotApplicable none -> count("not_applicable");
                    case AwaitingInformant waiting -> {
                        count("awaiting_informant");
                        log.info("case {} completed; its outcome waits for the informant's contact (event {})",
                                waiting.caseId(), known.event().eventId());
                    }
                    case InformantNotTold notTold -> {
                        count("informant_not_told");
                        log.info("case {} completed; informant not told: {}", notTold.caseId(), notTold.reason());
                    }
                }
            }
        }
    }

    /** A case event this consumer could not handle (retried, then dead-lettered): ids and failure type only. */
    public static final class EventNotHandledException extends RuntimeException {
        EventNotHandledException(CaseEvent event, RuntimeException failure) {
            super(event.eventType() + " " + event.eventId() + " of case " + event.caseId() + " not handled: "
                    + failure.getClass().getSimpleName(), null, false, false);
        }
    }

    private void count(String outcome) {
        Counter.builder(CASE_EVENTS_CONSUMED)
                .description("case.events.v1 messages consumed, by outcome")
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }

    private static String coordinates(Message<?> message) {
        return message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC) + "-"
                + message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION) + "@"
                + message.getHeaders().get(KafkaHeaders.OFFSET);
    }
}
