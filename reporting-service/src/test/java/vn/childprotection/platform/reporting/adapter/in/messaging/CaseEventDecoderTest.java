package vn.childprotection.platform.reporting.adapter.in.messaging;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.reporting.fixtures.CaseEvents;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseEventDecoderTest {

    private final CaseEventDecoder decoder = new CaseEventDecoder();

    @Test
    void a_case_event_is_decoded() {
        var opened = CaseEvents.aCase("decoder").build();

        assertThat(decoder.decode(EventJson.write(opened))).isEqualTo(new CaseEventDecoder.Decoded.Known(opened));
    }

    @Test
    void a_well_formed_event_of_a_type_this_version_does_not_know_is_skipped_not_malformed() {
        String newer = "{\"eventType\":\"CaseClosed.v1\",\"eventId\":\"e-1\",\"caseId\":\"c-1\","
                + "\"occurredAt\":\"2027-01-01T00:00:00Z\",\"outcome\":\"SUPPORTED\"}";

        assertThat(decoder.decode(bytes(newer))).isEqualTo(new CaseEventDecoder.Decoded.UnknownType("CaseClosed.v1"));
    }

    @Test
    void an_event_of_another_topic_is_malformed_here() {
        assertThatThrownBy(() -> decoder.decode(bytes("{\"eventType\":\"ReportSubmitted.v1\"}")))
                .isInstanceOf(EventJson.MalformedEventException.class);
    }

    @Test
    void unreadable_bytes_a_missing_or_odd_type_and_a_broken_known_type_are_malformed() {
        for (String poison : new String[]{"not json", "[1,2]", "{\"caseId\":\"c-1\"}", "{\"eventType\":42}",
                "{\"eventType\":\"<script>\"}", "{\"eventType\":\"CaseOpened.v1\",\"concerns\":\"x\"}", ""}) {
            assertThatThrownBy(() -> decoder.decode(bytes(poison)))
                    .as(poison).isInstanceOf(EventJson.MalformedEventException.class);
        }
        assertThatThrownBy(() -> decoder.decode(null)).isInstanceOf(EventJson.MalformedEventException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
