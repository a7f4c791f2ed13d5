package vn.childprotection.platform.notification.adapter.in.messaging;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.CaseEvent;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.ReferralIssued;
import vn.childprotection.platform.notification.fixtures.CaseEventFixtures;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseEventDecoderTest {

    private static final String UNKNOWN = """
            {"eventType":"SomethingNew.v9","eventId":"00000000-0000-3000-8000-000000000001",
             "caseId":"00000000-0000-3000-8000-000000000002","occurredAt":"2025-03-10T02:15:30Z"}""";

    private final CaseEventDecoder decoder = new CaseEventDecoder();

    @Test
    void eventJsonAloneReportsAnUnknownTypeIdAsMalformed() {
        // the reason the decoder exists: EventJson cannot tell "new type" from "broken message"
        assertThatThrownBy(() -> EventJson.read(UNKNOWN, CaseEvent.class))
                .isInstanceOf(EventJson.MalformedEventException.class);
    }

    @Test
    void aKnownEventIsDecoded() {
        ReferralIssued referral = CaseEventFixtures.referral(CaseEventFixtures.newCaseId()).build();

        assertThat(decoder.decode(EventJson.write(referral))).isEqualTo(new CaseEventDecoder.Known(referral));
    }

    @Test
    void aWellFormedUnknownEventTypeIsReportedAsUnknownNotMalformed() {
        assertThat(decoder.decode(bytes(UNKNOWN))).isEqualTo(new CaseEventDecoder.UnknownType("SomethingNew.v9"));
    }

    @Test
    void aNewerVersionOfAKnownTypeIsUnknownToo() {
        assertThat(decoder.decode(bytes("{\"eventType\":\"ReferralIssued.v2\"}")))
                .isEqualTo(new CaseEventDecoder.UnknownType("ReferralIssued.v2"));
    }

    @Test
    void bytesThatAreNotJsonAreMalformed() {
        assertThatThrownBy(() -> decoder.decode(bytes("this is not json {")))
                .isInstanceOf(EventJson.MalformedEventException.class);
        assertThatThrownBy(() -> decoder.decode(new byte[0]))
                .isInstanceOf(EventJson.MalformedEventException.class);
    }

    @Test
    void aMessageWithoutOrWithAnOddEventTypeIsMalformed() {
        assertThatThrownBy(() -> decoder.decode(bytes("{\"caseId\":\"x\"}")))
                .isInstanceOf(EventJson.MalformedEventException.class);
        assertThatThrownBy(() -> decoder.decode(bytes("{\"eventType\":\"java.lang.Runtime\"}")))
                .isInstanceOf(EventJson.MalformedEventException.class);
        assertThatThrownBy(() -> decoder.decode(bytes("[1,2]")))
                .isInstanceOf(EventJson.MalformedEventException.class);
    }

    @Test
    void aKnownTypeWithBrokenFieldsIsMalformedNotSkipped() {
        assertThatThrownBy(() -> decoder.decode(bytes(
                "{\"eventType\":\"ReferralIssued.v1\",\"occurredAt\":\"not a date\"}")))
                .isInstanceOf(EventJson.MalformedEventException.class);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
