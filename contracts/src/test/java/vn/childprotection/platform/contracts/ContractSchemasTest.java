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
            TopicCatalog.INTAKE_REPORTS, List.of(Fixtures.reportSubmitted()),
            TopicCatalog.CASE_EVENTS, List.of(Fixtures.caseOpened(), Fixtures.referralIssued(),
                    Fixtures.escalationRaised()),
            TopicCatalog.AGENCY_REFERRALS, List.of(Fixtures.agencyReferral()));

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
    void a_message_without_its_versioned_event_type_is_rejected() throws IOException {
        Schema schema = schemaOf(TopicCatalog.CASE_EVENTS);
        String untyped = EventJson.writeString(Fixtures.referralIssued()).replace("ReferralIssued.v1", "ReferralIssued");

        assertThat(schema.validate(untyped, InputFormat.JSON)).isNotEmpty();
    }

    private static Schema schemaOf(TopicCatalog topic) throws IOException {
        try (InputStream in = ContractSchemasTest.class.getClassLoader().getResourceAsStream(topic.schema())) {
            assertThat(in).as("schema %s on the classpath", topic.schema()).isNotNull();
            return REGISTRY.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        }
    }
}
