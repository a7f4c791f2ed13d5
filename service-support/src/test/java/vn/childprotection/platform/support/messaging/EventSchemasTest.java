package vn.childprotection.platform.support.messaging;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.Topics;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventSchemasTest {

    private static final EventSchemas SCHEMAS = EventSchemas.ofCatalog();
    private static final String ANSWERS = Topics.agencyResponsesFor("POLICE", "11");

    private static byte[] answer(String responseId, String action) {
        return ("{\"responseId\":\"" + responseId + "\",\"referralId\":\"" + UUID.randomUUID() + "\",\"caseId\":\""
                + UUID.randomUUID() + "\",\"agency\":\"POLICE\",\"action\":" + action
                + ",\"occurredAt\":\"2026-12-07T03:00:00Z\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aMessageThatKeepsItsTopicsSchemaPasses() {
        assertThatCode(() -> SCHEMAS.check(ANSWERS, answer("police-0001", "\"ACCEPTED\""))).doesNotThrowAnyException();
    }

    @Test
    void aMessageThatBreaksItsTopicsSchemaIsMalformedAndTheRefusalNamesWhereNeverTheValue() {
        assertThatThrownBy(() -> SCHEMAS.check(ANSWERS, answer("police-0001", "\"HANDED_TO_SOMEONE_SECRET\"")))
                .isInstanceOf(EventJson.MalformedEventException.class)
                .hasMessageContaining("/action")
                .hasMessageNotContaining("HANDED_TO_SOMEONE_SECRET");
        assertThatThrownBy(() -> SCHEMAS.check(Topics.INTAKE_REPORTS,
                "{\"eventType\":\"ReportSubmitted.v1\",\"child\":{\"fullName\":42}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventJson.MalformedEventException.class)
                .hasMessageContaining(Topics.INTAKE_REPORTS)
                .hasMessageNotContaining("42");
        assertThatThrownBy(() -> SCHEMAS.check(Topics.CASE_EVENTS, "{\"eventType\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventJson.MalformedEventException.class).hasMessageContaining("not JSON");
    }

    @Test
    void aTypeTheSchemaDoesNotKnowYetAndATopicOutsideTheCatalogAreLeftToTheConsumer() {
        assertThatCode(() -> SCHEMAS.check(Topics.CASE_EVENTS,
                "{\"eventType\":\"CaseMerged.v1\",\"anything\":true}".getBytes(StandardCharsets.UTF_8)))
                .doesNotThrowAnyException();
        assertThatCode(() -> SCHEMAS.check("some.other.topic", "not json".getBytes(StandardCharsets.UTF_8)))
                .doesNotThrowAnyException();
    }
}
