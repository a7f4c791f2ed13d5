package vn.childprotection.platform.audit.domain;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.access.audit.AuditChain;
import vn.childprotection.platform.access.audit.AuditRecord;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCsvTest {

    private static AuditRecord record(String reason) {
        return AuditChain.append(null, new AuditRecord("referral-service-1", 0,
                Instant.parse("2026-12-07T08:00:00.123456Z"), "subject-coordinator-11", "coordinator", null, null,
                "cprp-console", "REVEAL_INFORMANT", "POST /api/v1/cases/c1/informant", "c1", null, null,
                AuditRecord.Outcome.ALLOWED, 200, "10.0.0.7", reason, null, null));
    }

    @Test
    void an_export_is_a_bom_a_header_row_and_one_crlf_row_per_record() {
        StringBuilder out = new StringBuilder();
        AuditRecord record = record("Bé gọi điện cầu cứu");

        AuditCsv.start(out).row(StoredRecord.of("e1", record));

        String[] lines = out.toString().split("\r\n", -1);
        assertThat(out.toString()).startsWith("\uFEFFeventId,occurredAt,producer,sequence,");
        assertThat(lines).hasSize(3);
        assertThat(lines[2]).isEmpty();
        assertThat(lines[1]).isEqualTo("e1,2026-12-07T08:00:00.123456Z,referral-service-1,1,subject-coordinator-11,"
                + "coordinator,,,cprp-console,REVEAL_INFORMANT,POST /api/v1/cases/c1/informant,c1,,,ALLOWED,200,"
                + "10.0.0.7,Bé gọi điện cầu cứu," + AuditChain.GENESIS + "," + record.hash() + ",false");
    }

    @Test
    void a_field_with_a_comma_quote_or_line_break_is_quoted_with_its_quotes_doubled() {
        assertThat(AuditCsv.field("a, \"b\"\nc")).isEqualTo("\"a, \"\"b\"\"\nc\"");
        assertThat(AuditCsv.field("plain")).isEqualTo("plain");
        assertThat(AuditCsv.field(null)).isEmpty();
    }

    @Test
    void text_a_spreadsheet_would_run_as_a_formula_is_shown_as_text() {
        assertThat(AuditCsv.field("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(AuditCsv.field("-2+3")).isEqualTo("'-2+3");
        assertThat(AuditCsv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuditCsv.field(-1L)).as("numbers are not text").isEqualTo("-1");
        assertThat(AuditCsv.field("+1")).isEqualTo("'+1");
        assertThat(AuditCsv.field("\t=1")).isEqualTo("'\t=1");
        assertThat(AuditCsv.field("\r=1")).isEqualTo("\"'\r=1\"");
    }
}
