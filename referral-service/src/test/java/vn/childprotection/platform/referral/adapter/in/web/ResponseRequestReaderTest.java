package vn.childprotection.platform.referral.adapter.in.web;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.AgencyResponse;
import vn.childprotection.platform.contracts.ResponseAction;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP body of an agency response: every bad field named at once, values never echoed. */
class ResponseRequestReaderTest {

    private static final String REFERRAL = "0f8e4c52-2f57-3c1b-9d43-5d2f0a6b9e11";
    private static final String CASE = "5b1f7c11-0a0e-3d5e-8f11-2b7d2b0e5a42";

    @Test
    void aCompleteBodyWithoutReferralIdOrEventTypeIsReadWithThePathsReferral() {
        AgencyResponse response = ResponseRequestReader.read("""
                {"responseId":"pol-1","caseId":"%s","agency":"POLICE","action":"FORWARDED","reason":"ngoài thẩm quyền",
                 "reasonCode":"OUTSIDE_MANDATE","forwardTo":"HEALTH","occurredAt":"2026-11-20T10:00:00+07:00"}
                """.formatted(CASE), REFERRAL);

        assertThat(response.referralId()).isEqualTo(REFERRAL);
        assertThat(response.action()).isEqualTo(ResponseAction.FORWARDED);
        assertThat(response.occurredAt()).isEqualTo(Instant.parse("2026-11-20T03:00:00Z"));
    }

    @Test
    void everyBadFieldIsNamedWithoutItsValue() {
        assertThatThrownBy(() -> ResponseRequestReader.read("""
                {"responseId":"pol 1","referralId":"0f8e4c52-0000-0000-0000-000000000000","caseId":"nope",
                 "agency":"police","action":"FORWARDED","outcome":"HAPPY","occurredAt":"tomorrow","secret":"Nguyễn Văn A",
                 "note": 5}
                """, REFERRAL))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.errors()).extracting(m -> m.get("field")).containsExactlyInAnyOrder("secret",
                            "referralId", "caseId", "agency", "outcome", "occurredAt", "note", "responseId",
                            "reason", "forwardTo");
                    assertThat(e.errors()).extracting(Map::toString).noneMatch(text -> text.contains("Nguyễn")
                            || text.contains("HAPPY") || text.contains("tomorrow"));
                });
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRefused() {
        assertThatThrownBy(() -> ResponseRequestReader.read("{\"action\": ", REFERRAL))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(m -> assertThat(m.get("field"))
                                .isEqualTo("body")));
        assertThatThrownBy(() -> ResponseRequestReader.read("[1]", REFERRAL))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aCompletionWithoutOutcomeAndADeclineWithoutReasonNameTheMissingField() {
        String completed = """
                {"responseId":"h-1","caseId":"%s","agency":"HEALTH","action":"COMPLETED","occurredAt":"2026-11-20T03:00:00Z"}
                """.formatted(CASE);
        assertThatThrownBy(() -> ResponseRequestReader.read(completed, REFERRAL))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(m -> m.get("field")).containsExactly("outcome"));
        assertThatThrownBy(() -> ResponseRequestReader.read(completed.replace("COMPLETED", "DECLINED"), REFERRAL))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(m -> m.get("field")).containsExactly("reason"));
    }
}
