package vn.childprotection.platform.referral.adapter.in.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import vn.childprotection.platform.support.messaging.EventSchemas;
import vn.childprotection.platform.contracts.AgencyResponse;
import vn.childprotection.platform.contracts.AgencyResponseEvent;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.referral.application.port.in.RespondToReferralUseCase;
import vn.childprotection.platform.referral.domain.AgencyResponseCheck;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The {@code onAgencyResponse} function binding on every answer topic {@code agency.responses.<agency>.<province>.v1}
 * (subscribed by pattern, group {@code referral-service}): the agencies' answers to their referrals (S0 Art 7.2).
 * {@code eventType} may be left out (AgencyResponse.v1). Who answered is the topic's agency and province, which only
 * that agency's system may write (the broker's ACLs), never the body: an answer naming another agency, or for a case
 * of another province, is refused ({@code responder-mismatch}) and recorded.
 * <ul>
 *     <li>Structurally invalid (unreadable JSON, a missing required field, DECLINED without a reason, FORWARDED
 *     without forwardTo, COMPLETED without an outcome...): {@link EventJson.MalformedEventException}, not retried,
 *     dead-lettered to {@code agency.responses.v1.referral-service.dlt}; so is a message on a topic that is no answer
 *     topic.</li>
 *     <li>Refused by the domain (impossible transition, wrong agency, unknown referral...): not retried (it would
 *     be refused again), recorded in {@code rejected_responses} and counted by code.</li>
 *     <li>A responseId already applied: skipped (idempotent), counted.</li>
 *     <li>A concurrent change that persists after the service's own retries: thrown, retried by the binder.</li>
 * </ul>
 * Logs carry ids, codes and Kafka coordinates only, never the agency's wording.
 */
public final class AgencyResponseConsumer implements Consumer<Message<byte[]>> {

    /** Counter of consumed agency answers by outcome. */
    public static final String RESPONSES_CONSUMED = "referral.responses.consumed";

    private static final Logger log = LoggerFactory.getLogger(AgencyResponseConsumer.class);

    private final RespondToReferralUseCase useCase;
    private final MeterRegistry meters;
    private final EventSchemas schemas;

    public AgencyResponseConsumer(RespondToReferralUseCase useCase, MeterRegistry meters, EventSchemas schemas) {
        this.useCase = useCase;
        this.meters = meters;
        this.schemas = schemas;
    }

    @Override
    public void accept(Message<byte[]> message) {
        AgencyResponseEvent event;
        try {
            schemas.check(message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC), message.getPayload());
            event = EventJson.read(message.getPayload(), AgencyResponseEvent.class);
        } catch (EventJson.UnknownEventTypeException unknown) {
            count("skipped_unknown_type");
            log.info("agency response of unknown type {} at {} skipped", unknown.eventType(), coordinates(message));
            return;
        } catch (EventJson.MalformedEventException malformed) {
            count("malformed");
            log.warn("malformed agency response at {} ({}): dead-lettered without retry", coordinates(message),
                    malformed.getMessage());
            throw malformed;
        }
        switch (event) {
            case AgencyResponse response -> handle(response, message);
        }
    }

    private void handle(AgencyResponse response, Message<byte[]> message) {
        List<AgencyResponseCheck.Problem> problems = AgencyResponseCheck.problems(response, true);
        if (!problems.isEmpty()) {
            count("malformed");
            String fields = problems.stream().map(p -> p.field() + " " + p.message())
                    .collect(Collectors.joining("; "));
            log.warn("agency response {} at {} breaks the contract ({}): dead-lettered", response.responseId(),
                    coordinates(message), fields);
            throw new EventJson.MalformedEventException("agency response breaks the contract: " + fields);
        }
        Object topic = message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC);
        Topics.AgencyAndProvince from = Topics.responderOf(topic == null ? null : topic.toString()).orElse(null);
        if (from == null) {
            count("malformed");
            log.warn("agency response {} at {} is on no answer topic: dead-lettered", response.responseId(),
                    coordinates(message));
            throw new EventJson.MalformedEventException("an agency response must come from an answer topic");
        }
        RespondToReferralUseCase.Responder responder = new RespondToReferralUseCase.Responder(from.agency(),
                from.province());
        switch (useCase.respondAs(responder, response)) {
            case RespondToReferralUseCase.Applied applied -> count("applied");
            case RespondToReferralUseCase.Duplicate duplicate -> count("duplicate");
            case RespondToReferralUseCase.Rejected rejected -> count("rejected");
        }
    }

    private void count(String outcome) {
        Counter.builder(RESPONSES_CONSUMED)
                .description("agency answers consumed, by outcome")
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
