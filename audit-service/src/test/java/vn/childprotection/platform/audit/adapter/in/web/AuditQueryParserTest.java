package vn.childprotection.platform.audit.adapter.in.web;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.access.audit.AuditRecord;
import vn.childprotection.platform.audit.domain.AuditFilter;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditQueryParserTest {

    private final AuditQueryParser parser = new AuditQueryParser(500, 100_000);

    private static AuditParams params(String actor, String caseId, String action, String outcome, String from,
                                      String to, String page, String size, String format) {
        return new AuditParams(actor, null, caseId, action, outcome, from, to, page, size, format);
    }

    @Test
    void every_filter_is_read_and_a_time_with_an_offset_is_an_instant() {
        AuditQueryParser.Query query = parser.parse(new AuditParams(" subject-auditor ", "referral-service-1a2b",
                "3F0E9A4C-2B1D-4C8E-9F6A-7D5B1E2C3A40", "READ_CASE", "REFUSED", "2026-12-07T08:00:00Z",
                "2026-12-07T17:00:00+07:00", "2", "500", null), null);

        assertThat(query.filter()).isEqualTo(new AuditFilter("subject-auditor", "referral-service-1a2b",
                "3f0e9a4c-2b1d-4c8e-9f6a-7d5b1e2c3a40", "READ_CASE", AuditRecord.Outcome.REFUSED,
                Instant.parse("2026-12-07T08:00:00Z"), Instant.parse("2026-12-07T10:00:00Z")));
        assertThat(query.page()).isEqualTo(2);
        assertThat(query.size()).isEqualTo(500);
        assertThat(query.csv()).isFalse();
    }

    @Test
    void blank_parameters_do_not_narrow_and_the_first_page_of_fifty_is_the_default() {
        AuditQueryParser.Query query = parser.parse(params("", " ", null, null, null, null, null, null, null), null);

        assertThat(query.filter()).isEqualTo(AuditFilter.everything());
        assertThat(query.page()).isZero();
        assertThat(query.size()).isEqualTo(50);
    }

    @Test
    void csv_is_asked_for_by_format_or_by_accept_and_format_wins() {
        assertThat(parser.parse(params(null, null, null, null, null, null, null, null, "csv"), null).csv()).isTrue();
        assertThat(parser.parse(params(null, null, null, null, null, null, null, null, null), "text/csv").csv())
                .isTrue();
        assertThat(parser.parse(params(null, null, null, null, null, null, null, null, "json"), "text/csv").csv())
                .isFalse();
    }

    @Test
    void every_bad_parameter_is_named_at_once() {
        assertThatThrownBy(() -> parser.parse(new AuditParams("x".repeat(256), "p".repeat(101), "not-a-uuid",
                "read case", "DENIED", "yesterday", "2026-13-01T00:00:00Z", "-1", "501", "xml"), null))
                .isInstanceOfSatisfying(InvalidParametersException.class, e -> assertThat(e.errors())
                        .extracting(InvalidParametersException.FieldError::field)
                        .containsExactly("actor", "producer", "caseId", "action", "outcome", "from", "to", "page",
                                "size", "format"));
    }

    @Test
    void a_period_that_ends_before_it_starts_is_refused() {
        assertThatThrownBy(() -> parser.parse(params(null, null, null, null, "2026-12-08T00:00:00Z",
                "2026-12-07T00:00:00Z", null, null, null), null))
                .isInstanceOfSatisfying(InvalidParametersException.class, e -> assertThat(e.errors())
                        .extracting(InvalidParametersException.FieldError::field).containsExactly("from"));
    }

    @Test
    void a_page_deeper_than_the_offset_limit_is_refused_but_an_export_is_not_paged() {
        assertThatThrownBy(() -> parser.parse(params(null, null, null, null, null, null, "201", "500", null), null))
                .isInstanceOfSatisfying(InvalidParametersException.class, e -> assertThat(e.errors())
                        .extracting(InvalidParametersException.FieldError::field).containsExactly("page"));
        assertThat(parser.parse(params(null, null, null, null, null, null, "201", "500", "csv"), null).csv())
                .isTrue();
    }
}
