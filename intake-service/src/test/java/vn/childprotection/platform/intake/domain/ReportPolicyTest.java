package vn.childprotection.platform.intake.domain;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.intake.fixtures.ReportDrafts;
import vn.childprotection.platform.contracts.Channel;
import vn.childprotection.platform.contracts.Child;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.Location;
import vn.childprotection.platform.contracts.Reporter;
import vn.childprotection.platform.contracts.ReporterRelationship;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.contracts.Sex;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReportPolicyTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T03:00:00Z"), ZoneOffset.UTC);
    private final ReportPolicy policy = new ReportPolicy(CLOCK, Duration.ofDays(365), Duration.ofMinutes(5));

    private static ReportDraft valid() {
        return ReportDrafts.valid();
    }

    @Test
    void a_complete_vietnamese_report_meets_every_rule() {
        assertThat(policy.check(valid(), Set.of())).isEmpty();
    }

    @Test
    void every_missing_required_field_is_named_at_once() {
        ReportDraft empty = new ReportDraft(null, null, null, null, null, null, null, null, null, null);

        assertThat(policy.check(empty, Set.of())).extracting(Violation::field).containsExactlyInAnyOrder(
                "reportId", "receivedAt", "channel", "contactType", "severity", "concerns", "location", "child",
                "reporter");
    }

    @Test
    void a_field_the_reader_already_rejected_is_not_reported_twice() {
        ReportDraft withoutChannel = new ReportDraft(UUID.randomUUID(), valid().receivedAt(), null,
                ContactType.INTERVENTION, List.of(Concern.OTHER), Severity.NORMAL, valid().location(),
                valid().child(), valid().reporter(), null);

        assertThat(policy.check(withoutChannel, Set.of("channel"))).isEmpty();
    }

    @Test
    void codes_must_have_the_official_number_of_digits() {
        ReportDraft draft = withLocation(new Location("1", "94", "123"));

        assertThat(policy.check(draft, Set.of())).extracting(Violation::field).containsExactlyInAnyOrder(
                "location.provinceCode", "location.districtCode", "location.communeCode");
    }

    @Test
    void a_report_from_the_future_or_from_long_ago_is_rejected() {
        ReportDraft future = withReceivedAt(OffsetDateTime.parse("2026-11-20T11:00:00+07:00"));
        ReportDraft ancient = withReceivedAt(OffsetDateTime.parse("1999-01-01T00:00:00+07:00"));
        ReportDraft skewed = withReceivedAt(OffsetDateTime.parse("2026-11-20T10:04:00+07:00"));

        assertThat(policy.check(future, Set.of())).containsExactly(new Violation("receivedAt", "must not be in the future"));
        assertThat(policy.check(ancient, Set.of())).extracting(Violation::field).containsExactly("receivedAt");
        assertThat(policy.check(skewed, Set.of())).isEmpty();
    }

    @Test
    void concerns_must_be_present_and_each_listed_once() {
        assertThat(policy.check(withConcerns(List.of()), Set.of()))
                .containsExactly(new Violation("concerns", "must name at least one concern"));
        assertThat(policy.check(withConcerns(List.of(Concern.VIOLENCE, Concern.NEGLECT, Concern.VIOLENCE)), Set.of()))
                .containsExactly(new Violation("concerns[2]", "repeats a concern already listed"));
    }

    @Test
    void ages_outside_childhood_names_and_phones_with_control_characters_are_rejected() {
        ReportDraft draft = new ReportDraft(UUID.randomUUID(), valid().receivedAt(), Channel.WALK_IN,
                ContactType.INTERVENTION, List.of(Concern.NEGLECT), Severity.NORMAL, valid().location(),
                new Child("Hoa\u0000", Sex.FEMALE, 18),
                new Reporter("x".repeat(201), "call me", ReporterRelationship.OTHER, false, false),
                "ok\u0007");

        assertThat(policy.check(draft, Set.of())).extracting(Violation::field).containsExactlyInAnyOrder(
                "child.fullName", "child.ageYears", "reporter.fullName", "reporter.phone", "narrative");
    }

    private static ReportDraft withLocation(Location location) {
        ReportDraft v = valid();
        return new ReportDraft(v.reportId(), v.receivedAt(), v.channel(), v.contactType(), v.concerns(),
                v.severity(), location, v.child(), v.reporter(), v.narrative());
    }

    private static ReportDraft withReceivedAt(OffsetDateTime receivedAt) {
        ReportDraft v = valid();
        return new ReportDraft(v.reportId(), receivedAt, v.channel(), v.contactType(), v.concerns(),
                v.severity(), v.location(), v.child(), v.reporter(), v.narrative());
    }

    private static ReportDraft withConcerns(List<Concern> concerns) {
        ReportDraft v = valid();
        return new ReportDraft(v.reportId(), v.receivedAt(), v.channel(), v.contactType(), concerns,
                v.severity(), v.location(), v.child(), v.reporter(), v.narrative());
    }
}
