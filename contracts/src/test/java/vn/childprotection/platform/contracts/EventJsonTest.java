package vn.childprotection.platform.contracts;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonTest {

    @Test
    void every_message_type_round_trips_with_its_vietnamese_text_intact() {
        for (Event event : new Event[]{Fixtures.reportSubmitted(), Fixtures.agencyReferral()}) {
            byte[] bytes = EventJson.write(event);
            assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("Hàng xóm nghe thấy tiếng kêu cứu");
        }
        assertThat(EventJson.read(EventJson.write(Fixtures.reportSubmitted()), IntakeEvent.class))
                .isEqualTo(Fixtures.reportSubmitted());
        assertThat(EventJson.read(EventJson.write(Fixtures.caseOpened()), CaseEvent.class))
                .isEqualTo(Fixtures.caseOpened());
        assertThat(EventJson.read(EventJson.write(Fixtures.referralIssued()), CaseEvent.class))
                .isEqualTo(Fixtures.referralIssued());
        assertThat(EventJson.read(EventJson.write(Fixtures.escalationRaised()), CaseEvent.class))
                .isEqualTo(Fixtures.escalationRaised());
        assertThat(EventJson.read(EventJson.write(Fixtures.agencyReferral()), AgencyReferralEvent.class))
                .isEqualTo(Fixtures.agencyReferral());
    }

    @Test
    void the_wire_format_names_the_versioned_type_and_keeps_the_hotlines_offset() {
        String json = EventJson.writeString(Fixtures.reportSubmitted());

        assertThat(json).contains("\"eventType\":\"ReportSubmitted.v1\"")
                .contains("\"receivedAt\":\"2026-11-20T09:15:00+07:00\"")
                .doesNotContain("vn.childprotection");
    }

    @Test
    void unknown_properties_are_ignored_so_that_schemas_can_grow_additively() {
        String json = EventJson.writeString(Fixtures.referralIssued()).replaceFirst("\\{", "{\"addedLater\":42,");

        assertThat(EventJson.read(json, CaseEvent.class)).isEqualTo(Fixtures.referralIssued());
    }

    @Test
    void bytes_that_are_not_a_message_of_the_family_are_malformed() {
        assertThatThrownBy(() -> EventJson.read("not json", CaseEvent.class))
                .isInstanceOf(EventJson.MalformedEventException.class);
        assertThatThrownBy(() -> EventJson.read("{\"eventType\":\"ReportSubmitted.v1\"}", CaseEvent.class))
                .isInstanceOf(EventJson.MalformedEventException.class);
    }

    @Test
    void a_well_formed_message_of_a_type_the_family_does_not_know_yet_is_reported_as_unknown_not_malformed() {
        String future = EventJson.writeString(Fixtures.referralIssued()).replace("ReferralIssued.v1", "ReferralReopened.v1");

        assertThatThrownBy(() -> EventJson.read(future, CaseEvent.class))
                .isInstanceOfSatisfying(EventJson.UnknownEventTypeException.class,
                        e -> assertThat(e.eventType()).isEqualTo("ReferralReopened.v1"));
        assertThatThrownBy(() -> EventJson.read("{\"eventType\":\"not a type\"}", CaseEvent.class))
                .isInstanceOf(EventJson.MalformedEventException.class)
                .isNotInstanceOf(EventJson.UnknownEventTypeException.class);
    }

    @Test
    void the_error_for_a_malformed_message_never_quotes_the_payload() {
        assertThatThrownBy(() -> EventJson.read("Nguyễn Thị Hoa 0912345678", IntakeEvent.class))
                .isInstanceOf(EventJson.MalformedEventException.class)
                .message().doesNotContain("Nguy").doesNotContain("0912");
        assertThatThrownBy(() -> EventJson.read("{\"eventType\":\"ReportSubmitted.v1\",\"severity\":\"0912345678\"}",
                IntakeEvent.class))
                .message().doesNotContain("0912");
    }

    @Test
    void each_family_lists_its_versioned_type_names() {
        assertThat(EventJson.typeNames(CaseEvent.class)).containsExactlyInAnyOrder("CaseOpened.v1", "ReferralIssued.v1",
                "EscalationRaised.v1", "ReferralStatusChanged.v1", "ReferralOverdue.v1", "CaseStatusChanged.v1",
                "PersonalDataErased.v1");
        assertThat(EventJson.typeNames(IntakeEvent.class)).containsExactly("ReportSubmitted.v1");
        assertThat(EventJson.typeNames(AgencyResponseEvent.class)).containsExactly("AgencyResponse.v1");
        assertThat(EventJson.typeNames(NotificationEvent.class))
                .containsExactlyInAnyOrder("NotificationDelivered.v1", "NotificationFailed.v1");
    }

    @Test
    void decoding_skips_a_newer_type_but_dead_letters_a_message_of_another_family() {
        String future = EventJson.writeString(Fixtures.referralIssued()).replace("ReferralIssued.v1", "ReferralReopened.v1");

        assertThat(EventJson.decode(future.getBytes(StandardCharsets.UTF_8), CaseEvent.class))
                .isEqualTo(new EventJson.Decoded.UnknownType<CaseEvent>("ReferralReopened.v1"));
        assertThat(EventJson.decode(EventJson.write(Fixtures.caseOpened()), CaseEvent.class))
                .isEqualTo(new EventJson.Decoded.Known<>(Fixtures.caseOpened()));
        assertThatThrownBy(() -> EventJson.decode(EventJson.write(Fixtures.reportSubmitted()), CaseEvent.class))
                .isInstanceOf(EventJson.MalformedEventException.class)
                .isNotInstanceOf(EventJson.UnknownEventTypeException.class);
        assertThatThrownBy(() -> EventJson.decode(new byte[0], CaseEvent.class))
                .isInstanceOf(EventJson.MalformedEventException.class);
    }
}
