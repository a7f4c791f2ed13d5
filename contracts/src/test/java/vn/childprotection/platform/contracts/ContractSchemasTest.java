package vn.childprotection.platform.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message the services write is valid against the JSON Schema its topic publishes. */
class ContractSchemasTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private static final Map<TopicCatalog, List<Event>> SAMPLES = Map.of(
            TopicCatalog.INTAKE_REPORTS, List.of(Fixtures.reportSubmitted(), Fixtures.reportSubmittedMapped()),
            TopicCatalog.INTAKE_REPORTS_URGENT, List.of(Fixtures.reportSubmitted()),
            TopicCatalog.CASE_EVENTS, List.of(Fixtures.caseOpened(), Fixtures.referralIssued(),
                    Fixtures.escalationRaised(), Fixtures.noAgencyLeft(), Fixtures.referralStatusChanged(), Fixtures.referralOverdue(),
                    Fixtures.caseStatusChanged(), Fixtures.personalDataErased()),
            TopicCatalog.AGENCY_REFERRALS, List.of(Fixtures.agencyReferral()),
            TopicCatalog.AGENCY_RESPONSES, java.util.Arrays.stream(ResponseAction.values())
                    .<Event>map(Fixtures::agencyResponse).toList(),
            TopicCatalog.NOTIFICATIONS_DELIVERED, List.of(Fixtures.notificationDelivered()),
            TopicCatalog.NOTIFICATIONS_FAILED, List.of(Fixtures.notificationFailed()),
            TopicCatalog.AUDIT_EVENTS, List.of(Fixtures.auditRecorded(), Fixtures.auditRefusal()));

    @ParameterizedTest
    @EnumSource(TopicCatalog.class)
    void every_sample_message_of_a_topic_is_valid_against_the_topics_schema(TopicCatalog topic) throws IOException {
        Schema schema = schemaOf(topic);
        assertThat(SAMPLES.get(topic)).as("samples for %s", topic).isNotEmpty();
        for (Event event : SAMPLES.get(topic)) {
            List<Error> errors = schema.validate(EventJson.writeString(event), InputFormat.JSON);
            assertThat(errors).as("%s against %s", event.eventType(), topic.schema()).isEmpty();
        }
    }

    @Test
    void a_case_event_carrying_a_narrative_or_an_informant_is_rejected_by_the_case_event_schema() throws IOException {
        Schema schema = schemaOf(TopicCatalog.CASE_EVENTS);
        String withNarrative = EventJson.writeString(Fixtures.caseOpened())
                .replaceFirst("\\{", "{\"narrative\":\"Hàng xóm nghe thấy\",");
        String withReporter = EventJson.writeString(Fixtures.caseOpened())
                .replaceFirst("\\{", "{\"reporter\":{\"phone\":\"0912345678\"},");

        assertThat(schema.validate(withNarrative, InputFormat.JSON)).isNotEmpty();
        assertThat(schema.validate(withReporter, InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void a_normal_severity_escalation_is_valid_only_when_it_names_the_declined_referral() throws IOException {
        Schema schema = schemaOf(TopicCatalog.CASE_EVENTS);
        EscalationRaised noAgencyLeft = Fixtures.noAgencyLeft();
        String withoutTheReferral = EventJson.writeString(noAgencyLeft)
                .replace("\"declinedReferralId\":\"" + noAgencyLeft.declinedReferralId() + "\"", "\"declinedReferralId\":null");

        assertThat(schema.validate(EventJson.writeString(noAgencyLeft), InputFormat.JSON)).isEmpty();
        assertThat(withoutTheReferral).doesNotContain(noAgencyLeft.declinedReferralId() + "\"");
        assertThat(schema.validate(withoutTheReferral, InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void a_message_without_its_versioned_event_type_is_rejected() throws IOException {
        Schema schema = schemaOf(TopicCatalog.CASE_EVENTS);
        String untyped = EventJson.writeString(Fixtures.referralIssued()).replace("ReferralIssued.v1", "ReferralIssued");

        assertThat(schema.validate(untyped, InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void an_agency_response_without_its_required_reason_forward_target_or_outcome_is_rejected() throws IOException {
        Schema schema = schemaOf(TopicCatalog.AGENCY_RESPONSES);
        String declinedWithoutReason = EventJson.writeString(Fixtures.agencyResponse(ResponseAction.DECLINED))
                .replace("\"reason\":\"Không thuộc thẩm quyền\"", "\"reason\":null");
        String forwardedNowhere = EventJson.writeString(Fixtures.agencyResponse(ResponseAction.FORWARDED))
                .replace("\"forwardTo\":\"HEALTH\"", "\"forwardTo\":null");
        String completedWithoutOutcome = EventJson.writeString(Fixtures.agencyResponse(ResponseAction.COMPLETED))
                .replace("\"outcome\":\"SUPPORT_PROVIDED\"", "\"outcome\":null");

        assertThat(schema.validate(declinedWithoutReason, InputFormat.JSON)).isNotEmpty();
        assertThat(schema.validate(forwardedNowhere, InputFormat.JSON)).isNotEmpty();
        assertThat(schema.validate(completedWithoutOutcome, InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void an_agency_response_without_event_type_reads_as_agency_response_v1() {
        String untyped = EventJson.writeString(Fixtures.agencyResponse(ResponseAction.ACCEPTED))
                .replace("\"eventType\":\"AgencyResponse.v1\",", "");

        AgencyResponseEvent read = EventJson.read(untyped, AgencyResponseEvent.class);

        assertThat(read).isEqualTo(Fixtures.agencyResponse(ResponseAction.ACCEPTED));
        assertThat(read.eventId()).isEqualTo(Ids.nameBased(AgencyResponse.TYPE, "police-094-2026-000123-accepted"));
    }

    private static Schema schemaOf(TopicCatalog topic) throws IOException {
        try (InputStream in = ContractSchemasTest.class.getClassLoader().getResourceAsStream(topic.schema())) {
            assertThat(in).as("schema %s on the classpath", topic.schema()).isNotNull();
            return REGISTRY.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        }
    }
}
