package vn.childprotection.platform.intake.adapter.in.web;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.platform.areas.AreaMapsLoader;
import vn.childprotection.platform.contracts.Ids;
import vn.childprotection.platform.intake.domain.ReportPolicy;
import vn.childprotection.platform.intake.domain.Violation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document's examples say what intake does: each request example is answered with its answer example. */
class ApiExamplesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The evening of the examples' day (20 November 2026 in Vietnam), on the two-level map. */
    private final ReportPolicy policy = new ReportPolicy(Clock.fixed(Instant.parse("2026-11-20T16:00:00Z"),
            ZoneOffset.UTC), Duration.ofDays(365), Duration.ofMinutes(5), AreaMapsLoader.shipped());

    @Test
    void a_report_in_the_codes_of_its_day_is_answered_as_the_accepted_example_says() {
        assertThat(answerTo(ApiExamples.REPORT_VI)).isEqualTo(JSON.readTree(ApiExamples.ACCEPTED));
    }

    @Test
    void a_report_naming_a_district_after_1_july_2025_is_answered_as_the_mapped_example_says() {
        assertThat(answerTo(ApiExamples.REPORT_WITH_DISTRICT)).isEqualTo(JSON.readTree(ApiExamples.ACCEPTED_MAPPED));
    }

    @Test
    void the_anonymous_example_is_a_valid_report() {
        assertThat(evaluate(ApiExamples.REPORT_ANONYMOUS)).isInstanceOf(ReportPolicy.Valid.class);
    }

    @Test
    void a_commune_of_another_province_is_refused_as_the_codes_of_no_place_example_says() {
        String haNoiWithADienBienCommune = ApiExamples.REPORT_ANONYMOUS.replace("\"communeCode\":\"00004\"",
                "\"communeCode\":\"03127\"");
        JsonNode example = JSON.readTree(ApiExamples.INVALID_AREA).get("errors").get(0);

        assertThat(evaluate(haNoiWithADienBienCommune)).isInstanceOfSatisfying(ReportPolicy.Invalid.class,
                invalid -> assertThat(invalid.violations()).containsExactly(new Violation(
                        example.get("field").asString(), example.get("message").asString())));
    }

    private JsonNode answerTo(String request) {
        ReportPolicy.Verdict verdict = evaluate(request);
        assertThat(verdict).isInstanceOf(ReportPolicy.Valid.class);
        ReportPolicy.Valid valid = (ReportPolicy.Valid) verdict;
        ReportResponse answer = ReportResponse.accepted(valid.report().reportId(),
                Ids.caseIdFor(valid.report().reportId()), valid.placed());
        return JSON.readTree(JSON.writeValueAsString(answer));
    }

    private ReportPolicy.Verdict evaluate(String request) {
        ReportReader.Read read = ReportReader.read(JSON.readTree(request));
        assertThat(read.violations()).isEmpty();
        return policy.evaluate(read.draft(), read.violations(), read.rejectedFields());
    }
}
