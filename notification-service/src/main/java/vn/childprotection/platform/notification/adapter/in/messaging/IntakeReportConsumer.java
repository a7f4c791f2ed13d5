package vn.childprotection.platform.notification.adapter.in.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import vn.childprotection.platform.support.messaging.EventSchemas;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.IntakeEvent;
import vn.childprotection.platform.notification.application.port.in.RecordInformantContactUseCase;
import vn.childprotection.platform.support.messaging.InfrastructureUnavailable;
import vn.childprotection.platform.support.messaging.WaitingForInfrastructureException;

import java.util.function.Consumer;

/**
 * The {@code onIntakeReport} function binding on {@code intake.reports.v1}, and {@code onUrgentIntakeReport} on its
 * urgent lane {@code intake.reports.urgent.v1} (group {@code notification-service}, each its own dead-letter topic): keeps
 * the informant's contact only for a report that expects feedback (S0 Art 7.2). The value carries personal data:
 * it is never logged, nor is anything of it but the case id. Malformed values throw
 * {@link EventJson.MalformedEventException}, which the binding does not retry and sends to
 * {@code intake.reports.v1.notification-service.dlt}; unknown future types are skipped. A failure because the store
 * cannot serve is rethrown as {@link WaitingForInfrastructureException} and tried again until it can. Any other
 * failure is rethrown as {@link ReportNotHandledException}, naming the case id and the failure's type only and without its
 * cause — the binder logs it and copies its message into the dead-letter record's headers, and a store or mapping
 * error's own message may quote the informant's phone.
 */
public final class IntakeReportConsumer implements Consumer<Message<byte[]>> {

    /** Counter of consumed intake reports by outcome (codes only). */
    public static final String INTAKE_REPORTS_CONSUMED = "notification.intake.reports.consumed";

    private static final Logger log = LoggerFactory.getLogger(IntakeReportConsumer.class);

    private final RecordInformantContactUseCase useCase;
    private final MeterRegistry meters;
    private final EventSchemas schemas;

    public IntakeReportConsumer(RecordInformantContactUseCase useCase, MeterRegistry meters, EventSchemas schemas) {
        this.schemas = schemas;
        this.useCase = useCase;
        this.meters = meters;
    }

    @Override
    public void accept(Message<byte[]> message) {
        EventJson.Decoded<IntakeEvent> decoded;
        try {
            schemas.check(message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC), message.getPayload());
            decoded = EventJson.decode(message.getPayload(), IntakeEvent.class);
        } catch (EventJson.MalformedEventException malformed) {
            count("malformed");
            log.warn("malformed intake report at {}: dead-lettered without retry", coordinates(message));
            throw malformed;
        }
        switch (decoded) {
            case EventJson.Decoded.UnknownType<IntakeEvent> unknown -> {
                count("skipped_unknown_type");
                log.info("intake event of unknown type {} at {} skipped", unknown.eventType(), coordinates(message));
            }
            case EventJson.Decoded.Known<IntakeEvent> known -> {
                RecordInformantContactUseCase.Result result;
                try {
                    result = useCase.handle(known.event());
                } catch (RuntimeException failure) {
                    if (InfrastructureUnavailable.test(failure)) {
                        count("waiting_for_store");
                        throw new WaitingForInfrastructureException("intake report of case " + known.event().caseId()
                                + " waits for the store: " + failure.getClass().getSimpleName());
                    }
                    count("failed");
                    throw new ReportNotHandledException(known.event().caseId(), failure);
                }
                switch (result) {
                    case RecordInformantContactUseCase.ContactKept kept -> {
                        count("contact_kept");
                        log.info("informant contact kept for the outcome of case {}", kept.caseId());
                    }
                    case RecordInformantContactUseCase.NoFeedback none -> count("no_feedback");
                    case RecordInformantContactUseCase.OutcomeRecorded recorded -> {
                        count("outcome_recorded");
                        log.info("notification {} {} for case {}: the informant's outcome",
                                recorded.notification().notificationId(), recorded.notification().status(),
                                recorded.notification().caseId());
                    }
                    case RecordInformantContactUseCase.Unchanged unchanged -> count("unchanged");
                }
            }
        }
    }

    /** A report this consumer could not handle (retried, then dead-lettered): case id and failure type only. */
    public static final class ReportNotHandledException extends RuntimeException {
        ReportNotHandledException(String caseId, RuntimeException failure) {
            super("intake report of case " + caseId + " not handled: " + failure.getClass().getSimpleName(), null,
                    false, false);
        }
    }

    private void count(String outcome) {
        Counter.builder(INTAKE_REPORTS_CONSUMED)
                .description("intake reports consumed (intake.reports.v1 and its urgent lane), by outcome")
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
