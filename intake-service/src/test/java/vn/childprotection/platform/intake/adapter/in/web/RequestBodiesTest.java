package vn.childprotection.platform.intake.adapter.in.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.JsonNode;
import vn.childprotection.platform.intake.domain.Fingerprint;
import vn.childprotection.platform.intake.domain.Violation;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestBodiesTest {

    private final RequestBodies bodies = new RequestBodies(1024);

    private static final String REPORT = """
            {"reportId":"3f0e9a4c-2b1d-4c8e-9f6a-7d5b1e2c3a40","receivedAt":"2026-11-20T09:15:00+07:00",
             "channel":"HOTLINE_111","contactType":"INTERVENTION","concerns":["SEXUAL_ABUSE","VIOLENCE"],
             "severity":"HIGH","location":{"provinceCode":"11","communeCode":"03127"},
             "child":{"fullName":"Nguyễn Thị Hoa","sex":"FEMALE","ageYears":12},
             "reporter":{"fullName":"Trần Văn Bình","phone":"0912345678","relationship":"NEIGHBOUR",
                         "anonymous":false,"wantsFeedback":true},
             "narrative":"Hàng xóm nghe thấy tiếng kêu cứu."}""";

    /** The same report: keys in another order, other white space, escaped Vietnamese, combining marks. */
    private static final String SAME_REPORT_REWRITTEN = """
            {
              "narrative" : "H\\u00e0ng x\\u00f3m nghe th\\u1ea5y ti\\u1ebfng k\\u00eau c\\u1ee9u.",
              "reporter" : { "wantsFeedback" : true, "anonymous" : false, "relationship" : "NEIGHBOUR",
                             "phone" : "0912345678", "fullName" : "Tra\\u0302\\u0300n Văn Bình" },
              "child" : { "ageYears" : 12, "sex" : "FEMALE", "fullName" : "Nguyễn Thị Hoa" },
              "location" : { "communeCode" : "03127", "provinceCode" : "11" },
              "severity" : "HIGH",
              "concerns" : [ "SEXUAL_ABUSE", "VIOLENCE" ],
              "contactType" : "INTERVENTION",
              "channel" : "HOTLINE_111",
              "receivedAt" : "2026-11-20T09:15:00.000+07:00",
              "reportId" : "3F0E9A4C-2B1D-4C8E-9F6A-7D5B1E2C3A40"
            }
            """;

    @Test
    void the_same_report_in_another_key_order_and_layout_has_the_same_fingerprint() throws Exception {
        assertThat(fingerprintOf(SAME_REPORT_REWRITTEN)).isEqualTo(fingerprintOf(REPORT));
        assertThat(fingerprintOf(REPORT.replace("tiếng kêu cứu", "tiếng khóc"))).isNotEqualTo(fingerprintOf(REPORT));
    }

    @Test
    void a_declared_length_over_the_limit_is_refused_before_reading() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/reports") {
            @Override
            public long getContentLengthLong() {
                return 4096;
            }

            @Override
            public jakarta.servlet.ServletInputStream getInputStream() {
                throw new AssertionError("the body must not be read");
            }
        };

        assertThatThrownBy(() -> bodies.readJson(request)).isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void a_body_over_the_limit_without_a_declared_length_is_refused_on_the_bytes_read() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/reports") {
            @Override
            public long getContentLengthLong() {
                return -1; // chunked
            }
        };
        request.setContent(("{\"narrative\":\"" + "ă".repeat(600) + "\"}").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> bodies.readJson(request)).isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void bodies_that_are_not_one_well_formed_json_document_are_named_as_the_whole_body() {
        for (String body : new String[]{"", "{\"reportId\": ", "{\"a\":1,\"a\":2}", "{} {}", "{'a':1}"}) {
            assertThatThrownBy(() -> bodies.readJson(json(body)))
                    .as(body)
                    .isInstanceOfSatisfying(InvalidReportException.class, e ->
                            assertThat(e.violations()).extracting(Violation::field).containsExactly("$"));
        }
    }

    @Test
    void bytes_that_are_not_utf8_are_refused() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/reports");
        request.setContent(new byte[]{'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'});

        assertThatThrownBy(() -> bodies.readJson(request)).isInstanceOfSatisfying(InvalidReportException.class,
                e -> assertThat(e.violations()).containsExactly(new Violation("$", "the body is not valid UTF-8")));
    }

    private String fingerprintOf(String body) throws java.io.IOException {
        JsonNode tree = new RequestBodies(64 * 1024).readJson(json(body));
        ReportReader.Read read = ReportReader.read(tree);
        assertThat(read.violations()).isEmpty();
        return Fingerprint.of(read.draft().normalized());
    }

    private static MockHttpServletRequest json(String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/reports");
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }
}
