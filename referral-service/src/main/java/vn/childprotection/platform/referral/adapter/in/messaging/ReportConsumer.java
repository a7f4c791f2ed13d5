package vn.childprotection.platform.referral.adapter.in.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import vn.childprotection.platform.support.messaging.EventSchemas;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.IntakeEvent;
import vn.childprotection.platform.contracts.ReportSubmitted;
import vn.childprotection.platform.referral.application.port.in.HandleReportUseCase;

import java.util.function.Consumer;

/**
 * The {@code onReport} function binding on {@code intake.reports.v1} and the {@code onUrgentReport} one on
 * {@code intake.reports.urgent.v1} (group {@code referral-service}; each topic its own dead-letter topic). A value that
 * is not a readable intake event, or a report that breaks the intake contract, throws
 * {@link EventJson.MalformedEventException}: not retried, dead-lettered to
 * {@code intake.reports.v1.referral-service.dlt}. A well-formed event of a type this service does not know yet is
 * skipped (schemas evolve additively). Logs carry case ids, event ids, types and Kafka coordinates only.
 */
public final class ReportConsumer implements Consumer<Message<byte[]>> {

    /** Counter of consumed intake messages by outcome. */
    public static final String REPORTS_CONSUMED = "referral.reports.consumed";

    private static final Logger log = LoggerFactory.getLogger(ReportConsumer.class);

    private final HandleReportUseCase useCase;
    private final MeterRegistry meters;
    private final EventSchemas schemas;

    public ReportConsumer(HandleReportUseCase useCase, MeterRegistry meters, EventSchemas schemas) {
        this.schemas = schemas;
        this.useCase = useCase;
        this.meters = meters;
    }

    @Override
    public void accept(Message<byte[]> message) {
        IntakeEvent event;
        try {
            schemas.check(message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC), message.getPayload());
            event = EventJson.read(message.getPayload(), IntakeEvent.class);
        } catch (EventJson.UnknownEventTypeException unknown) {
            count("skipped_unknown_type");
            log.info("intake event of unknown type {} at {} skipped", unknown.eventType(), coordinates(message));
            return;
        } catch (EventJson.MalformedEventException malformed) {
            count("malformed");
            log.warn("malformed intake message at {} ({}): dead-lettered without retry", coordinates(message),
                    malformed.getMessage());
            throw malformed;
        }
        switch (event) {
            case ReportSubmitted report -> handle(report, message);
        }
    }

    private void handle(ReportSubmitted report, Message<byte[]> message) {
        switch (useCase.handle(report)) {
            case HandleReportUseCase.Opened opened -> {
                count("opened");
                log.info("case {} opened from event {}: {} with {} referral(s)", opened.caseId(), report.eventId(),
                        opened.status(), opened.referralCount());
            }
            case HandleReportUseCase.AlreadyHandled already -> {
                count("duplicate");
                log.debug("case {} already opened; redelivery ignored", already.caseId());
            }
            case HandleReportUseCase.Rejected rejected -> {
                count("rejected");
                String reasons = String.join("; ", rejected.reasons());
                log.warn("report event {} for case {} at {} breaks the intake contract ({}): dead-lettered",
                        report.eventId(), rejected.caseId(), coordinates(message), reasons);
                throw new EventJson.MalformedEventException("report breaks the intake contract: " + reasons);
            }
        }
    }

    private void count(String outcome) {
        Counter.builder(REPORTS_CONSUMED)
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
