package vn.childprotection.platform.intake.domain;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.intake.fixtures.ReportDrafts;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintTest {

    @Test
    void the_same_report_has_the_same_fingerprint_whatever_offset_names_the_same_instant() {
        ReportDraft report = ReportDrafts.valid();
        ReportDraft sameInstantInUtc = new ReportDraft(report.reportId(),
                OffsetDateTime.parse("2026-11-20T02:15:00Z"), report.channel(), report.contactType(),
                report.concerns(), report.severity(), report.location(), report.child(), report.reporter(),
                report.narrative());

        assertThat(Fingerprint.of(sameInstantInUtc)).isEqualTo(Fingerprint.of(report)).hasSize(64);
    }

    @Test
    void any_change_of_content_changes_the_fingerprint() {
        ReportDraft report = ReportDrafts.valid();
        ReportDraft otherNarrative = new ReportDraft(report.reportId(), report.receivedAt(), report.channel(),
                report.contactType(), report.concerns(), report.severity(), report.location(), report.child(),
                report.reporter(), report.narrative() + ".");

        assertThat(Fingerprint.of(otherNarrative)).isNotEqualTo(Fingerprint.of(report));
    }
}
