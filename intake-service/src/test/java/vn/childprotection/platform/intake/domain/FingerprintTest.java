package vn.childprotection.platform.intake.domain;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.Child;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.Reporter;
import vn.childprotection.platform.intake.fixtures.ReportDrafts;

import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintTest {

    @Test
    void the_fingerprint_is_a_stable_sha256_of_the_content() {
        ReportDraft report = ReportDrafts.valid();
        ReportDraft copy = new ReportDraft(report.reportId(), OffsetDateTime.parse(report.receivedAt().toString()),
                report.channel(), report.contactType(), List.copyOf(report.concerns()), report.severity(),
                report.location(), report.child(), report.reporter(), new String(report.narrative()));

        assertThat(Fingerprint.of(copy)).isEqualTo(Fingerprint.of(report)).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void vietnamese_typed_with_combining_marks_or_surrounding_spaces_is_the_same_report_once_normalized() {
        ReportDraft report = ReportDrafts.valid();
        // "Nguyễn" with "e" + combining circumflex + combining tilde (NFD), as some keyboards send it
        ReportDraft decomposed = new ReportDraft(report.reportId(), report.receivedAt(), report.channel(),
                report.contactType(), report.concerns(), report.severity(), report.location(),
                new Child(" Nguye\u0302\u0303n Thị Hoa ", report.child().sex(), report.child().ageYears()),
                report.reporter(), report.narrative() + "\n");

        assertThat(Fingerprint.of(decomposed.normalized())).isEqualTo(Fingerprint.of(report.normalized()));
    }

    @Test
    void another_offset_for_the_same_instant_is_another_fingerprint_because_the_event_keeps_the_offset() {
        ReportDraft report = ReportDrafts.valid();
        ReportDraft inUtc = new ReportDraft(report.reportId(), OffsetDateTime.parse("2026-11-20T02:15:00Z"),
                report.channel(), report.contactType(), report.concerns(), report.severity(), report.location(),
                report.child(), report.reporter(), report.narrative());

        assertThat(inUtc.receivedAt().toInstant()).isEqualTo(report.receivedAt().toInstant());
        assertThat(Fingerprint.of(inUtc)).isNotEqualTo(Fingerprint.of(report));
    }

    @Test
    void any_change_of_content_changes_the_fingerprint() {
        ReportDraft report = ReportDrafts.valid();
        Reporter r = report.reporter();
        List<ReportDraft> changes = List.of(
                new ReportDraft(report.reportId(), report.receivedAt(), report.channel(), report.contactType(),
                        report.concerns(), report.severity(), report.location(), report.child(), report.reporter(),
                        report.narrative() + "."),
                new ReportDraft(report.reportId(), report.receivedAt(), report.channel(), report.contactType(),
                        List.of(Concern.SEXUAL_ABUSE, Concern.VIOLENCE), report.severity(), report.location(),
                        report.child(), report.reporter(), report.narrative()),
                new ReportDraft(report.reportId(), report.receivedAt(), report.channel(), report.contactType(),
                        report.concerns(), report.severity(), report.location(), report.child(),
                        new Reporter(r.fullName(), r.phone(), r.relationship(), true, r.wantsFeedback()),
                        report.narrative()));

        assertThat(changes).allSatisfy(changed ->
                assertThat(Fingerprint.of(changed)).isNotEqualTo(Fingerprint.of(report)));
    }

    @Test
    void a_value_cannot_shift_into_the_next_field() {
        ReportDraft report = ReportDrafts.valid();
        Reporter r = report.reporter();
        ReportDraft a = new ReportDraft(report.reportId(), report.receivedAt(), report.channel(),
                report.contactType(), report.concerns(), report.severity(), report.location(), report.child(),
                new Reporter("Bình;", "0912345678", r.relationship(), false, true), report.narrative());
        ReportDraft b = new ReportDraft(report.reportId(), report.receivedAt(), report.channel(),
                report.contactType(), report.concerns(), report.severity(), report.location(), report.child(),
                new Reporter("Bình", ";0912345678", r.relationship(), false, true), report.narrative());

        assertThat(Fingerprint.of(a)).isNotEqualTo(Fingerprint.of(b));
    }
}
