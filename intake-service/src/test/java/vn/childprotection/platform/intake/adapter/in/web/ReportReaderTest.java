package vn.childprotection.platform.intake.adapter.in.web;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.intake.domain.Violation;
import vn.childprotection.platform.intake.fixtures.ReportJson;

import static org.assertj.core.api.Assertions.assertThat;

class ReportReaderTest {

    @Test
    void a_valid_report_reads_without_violations_and_keeps_its_vietnamese_text() {
        ReportReader.Read read = ReportReader.read(ReportJson.valid().tree());

        assertThat(read.violations()).isEmpty();
        assertThat(read.draft().child().fullName()).isEqualTo("Nguyễn Thị Hoa");
        assertThat(read.draft().narrative()).startsWith("Hàng xóm nghe thấy");
    }

    @Test
    void every_wrong_type_unknown_code_and_unknown_field_is_named_without_echoing_values() {
        ReportJson bad = ReportJson.valid()
                .set("reportId", "not-a-uuid")
                .set("receivedAt", "20/11/2026")
                .set("channel", "FAX")
                .concerns("VIOLENCE", "KIDNAPPING")
                .with(n -> n.put("severity", 3))
                .with(n -> n.putObject("child").put("sex", "F").put("ageYears", "twelve"))
                .with(n -> n.withObject("reporter").put("anonymous", "no"))
                .with(n -> n.put("nickname", "Bé Na"));

        ReportReader.Read read = ReportReader.read(bad.tree());

        assertThat(read.violations()).extracting(Violation::field).containsExactlyInAnyOrder(
                "reportId", "receivedAt", "channel", "concerns[1]", "severity", "child.sex", "child.ageYears",
                "reporter.anonymous", "nickname");
        assertThat(read.violations()).extracting(Violation::message)
                .noneMatch(message -> message.contains("Bé Na") || message.contains("twelve"));
        assertThat(read.rejectedFields()).contains("concerns[1]", "child.ageYears");
    }

    @Test
    void a_body_that_is_not_an_object_is_rejected_as_a_whole() {
        ReportReader.Read read = ReportReader.read(tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode());

        assertThat(read.draft()).isNull();
        assertThat(read.violations()).containsExactly(new Violation("$", "must be a JSON object"));
    }
}
