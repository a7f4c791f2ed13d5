package vn.childprotection.platform.intake.domain;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.areas.AreaMaps;
import vn.childprotection.platform.areas.AreaMapsLoader;
import vn.childprotection.platform.areas.AreaUnit;
import vn.childprotection.platform.contracts.AreaPlacement;
import vn.childprotection.platform.contracts.Channel;
import vn.childprotection.platform.contracts.Child;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.Location;
import vn.childprotection.platform.contracts.Reporter;
import vn.childprotection.platform.contracts.ReporterRelationship;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.contracts.Sex;
import vn.childprotection.platform.intake.fixtures.ReportDrafts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReportPolicyTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T03:00:00Z"), ZoneOffset.UTC);
    private static final AreaMaps MAPS = AreaMapsLoader.shipped();
    private final ReportPolicy policy = new ReportPolicy(CLOCK, Duration.ofDays(365), Duration.ofMinutes(5), MAPS);

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
                "reporter", "narrative");
    }

    @Test
    void a_field_the_reader_already_rejected_is_not_reported_twice() {
        ReportDraft withoutChannel = new ReportDraft(UUID.randomUUID(), valid().receivedAt(), null,
                ContactType.INTERVENTION, List.of(Concern.OTHER), Severity.NORMAL, valid().location(),
                valid().child(), valid().reporter(), "Cháu bị bỏ đói.");

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

        assertThat(policy.check(future, Set.of())).containsExactly(new Violation("receivedAt", "must not be more than 5 minutes in the future"));
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

    @Test
    void required_parts_of_the_location_child_and_reporter_are_named_by_their_path() {
        ReportDraft draft = new ReportDraft(UUID.randomUUID(), valid().receivedAt(), Channel.AGENCY,
                ContactType.INTERVENTION, List.of(Concern.ABANDONED), Severity.EMERGENCY,
                new Location(null, null, "00004"), new Child(null, null, null),
                new Reporter(null, null, null, true, false), "Trẻ sơ sinh bị bỏ rơi trước cổng chùa.");

        assertThat(policy.check(draft, Set.of())).containsExactlyInAnyOrder(
                new Violation("location.provinceCode", "is required"),
                new Violation("child.sex", "is required"),
                new Violation("reporter.relationship", "is required"));
    }

    @Test
    void the_two_level_hierarchy_without_a_district_is_accepted() {
        assertThat(policy.check(withLocation(new Location("01", null, "00004")), Set.of())).isEmpty();
    }

    @Test
    void a_report_from_each_of_the_34_provinces_of_todays_map_is_valid_as_given() {
        LocalDate today = ReportPolicy.dayOf(valid().receivedAt());
        List<AreaUnit> provinces = MAPS.inForce(today).provinces();

        assertThat(provinces).hasSize(34);
        for (AreaUnit province : provinces) {
            Location location = new Location(province.code(), null, null);
            PlacedLocation placed = placedOf(policy.evaluate(withLocation(location), List.of(), Set.of()));

            assertThat(placed.location()).as(province.code()).isEqualTo(location);
            assertThat(placed.placement()).as(province.code()).isEqualTo(
                    new AreaPlacement("VN-2026-04", AreaPlacement.Outcome.AS_GIVEN, null, List.of()));
        }
    }

    @Test
    void a_report_of_today_that_names_a_district_is_accepted_and_mapped_never_lost() {
        Location districtOnly = new Location("11", "094", null);
        Location districtAndKeptCommune = new Location("11", "094", "03127");

        ReportPolicy.Verdict province = policy.evaluate(withLocation(districtOnly), List.of(), Set.of());
        ReportPolicy.Verdict commune = policy.evaluate(withLocation(districtAndKeptCommune), List.of(), Set.of());

        assertThat(placedOf(province).location()).isEqualTo(new Location("11", null, null));
        assertThat(placedOf(province).placement().outcome()).isEqualTo(AreaPlacement.Outcome.MAPPED);
        assertThat(placedOf(province).placement().reported()).isEqualTo(districtOnly);
        assertThat(placedOf(province).placement().notes()).anySatisfy(note -> assertThat(note)
                .contains("districtCode 094").contains("VN-2024"));
        assertThat(placedOf(commune).location()).isEqualTo(new Location("11", null, "03127"));
        assertThat(placedOf(commune).placement().outcome()).isEqualTo(AreaPlacement.Outcome.MAPPED);
        assertThat(placedOf(commune).placement().areaMap()).isEqualTo("VN-2026-04");
        assertThat(placedOf(commune).placement().reported()).isEqualTo(districtAndKeptCommune);
        assertThat(commune).isInstanceOfSatisfying(ReportPolicy.Valid.class, v -> assertThat(v.report().location())
                .as("the report as given, which is fingerprinted").isEqualTo(districtAndKeptCommune));
    }

    @Test
    void a_province_merged_on_1_july_2025_is_mapped_to_the_province_it_became_part_of() {
        PlacedLocation bacKan = placedOf(policy.evaluate(withLocation(new Location("06", null, null)), List.of(),
                Set.of()));

        assertThat(bacKan.location()).isEqualTo(new Location("19", null, null));
        assertThat(bacKan.placement().outcome()).isEqualTo(AreaPlacement.Outcome.MAPPED);
        assertThat(bacKan.placement().reported()).isEqualTo(new Location("06", null, null));
        assertThat(bacKan.placement().notes()).anySatisfy(note -> assertThat(note).contains("06").contains("19"));
    }

    @Test
    void a_commune_of_another_province_is_a_violation_of_the_commune_code() {
        ReportDraft draft = withLocation(new Location("01", null, "03127"));

        assertThat(policy.check(draft, Set.of())).containsExactly(
                new Violation("location.communeCode", "is not a commune of province 01 on map VN-2026-04"));
        assertThat(policy.evaluate(draft, List.of(), Set.of())).isInstanceOf(ReportPolicy.Invalid.class);
    }

    @Test
    void a_province_of_no_map_is_a_violation_of_the_province_code() {
        assertThat(policy.check(withLocation(new Location("99", null, null)), Set.of())).containsExactly(
                new Violation("location.provinceCode", "is not a province on map VN-2026-04"));
    }

    @Test
    void a_code_that_failed_its_format_check_is_named_once_and_the_others_are_still_placed() {
        ReportDraft badDistrict = withLocation(new Location("01", "94", "03127"));
        ReportDraft badCommune = withLocation(new Location("11", null, "3127"));

        assertThat(policy.check(badDistrict, Set.of())).containsExactlyInAnyOrder(
                new Violation("location.districtCode", "must be a 3-digit district code"),
                new Violation("location.communeCode", "is not a commune of province 01 on map VN-2026-04"));
        assertThat(policy.check(badCommune, Set.of())).containsExactly(
                new Violation("location.communeCode", "must be a 5-digit commune code"));
        assertThat(policy.check(withLocation(new Location("01", null, "03127")), Set.of("location.communeCode")))
                .as("a code the reader rejected is not placed").isEmpty();
    }

    @Test
    void codes_are_not_placed_on_a_date_that_is_itself_rejected_not_even_at_the_end_of_time() {
        Location haNoiWithADienBienCommune = new Location("01", null, "03127");
        ReportDraft endOfTime = withLocation(haNoiWithADienBienCommune, OffsetDateTime.MAX);
        ReportDraft ancient = withLocation(haNoiWithADienBienCommune,
                OffsetDateTime.parse("1999-01-01T00:00:00+07:00"));

        assertThat(policy.check(endOfTime, Set.of())).extracting(Violation::field).containsExactly("receivedAt");
        assertThat(policy.check(ancient, Set.of())).extracting(Violation::field).containsExactly("receivedAt");
    }

    @Test
    void the_map_is_the_one_in_force_on_the_day_of_receipt_in_vietnam() {
        ReportPolicy afterTheChange = new ReportPolicy(Clock.fixed(Instant.parse("2025-07-02T03:00:00Z"),
                ZoneOffset.UTC), Duration.ofDays(365), Duration.ofMinutes(5), MAPS);
        Location longXuyen = new Location("89", "883", "30292");

        PlacedLocation lastMinute = placedOf(afterTheChange.evaluate(withLocation(longXuyen,
                OffsetDateTime.parse("2025-06-30T23:59:00+07:00")), List.of(), Set.of()));
        PlacedLocation firstMinute = placedOf(afterTheChange.evaluate(withLocation(longXuyen,
                OffsetDateTime.parse("2025-07-01T00:00:00+07:00")), List.of(), Set.of()));
        PlacedLocation firstMinuteInUtc = placedOf(afterTheChange.evaluate(withLocation(longXuyen,
                OffsetDateTime.parse("2025-06-30T17:00:00Z")), List.of(), Set.of()));

        assertThat(lastMinute.placement()).isEqualTo(
                new AreaPlacement("VN-2024", AreaPlacement.Outcome.AS_GIVEN, null, List.of()));
        assertThat(lastMinute.location()).isEqualTo(longXuyen);
        assertThat(firstMinute.placement().areaMap()).isEqualTo("VN-2025");
        assertThat(firstMinute.placement().outcome()).isEqualTo(AreaPlacement.Outcome.MAPPED);
        assertThat(firstMinute.placement().reported()).isEqualTo(longXuyen);
        assertThat(firstMinute.location()).isEqualTo(new Location("91", null, "30292"));
        assertThat(firstMinuteInUtc).isEqualTo(firstMinute);
    }

    @Test
    void a_negative_age_and_an_age_of_seventeen_are_told_apart() {
        assertThat(policy.check(withChild(new Child(null, Sex.MALE, -1)), Set.of()))
                .containsExactly(new Violation("child.ageYears", "must be between 0 and 17"));
        assertThat(policy.check(withChild(new Child(null, Sex.MALE, 17)), Set.of())).isEmpty();
        assertThat(policy.check(withChild(new Child(null, Sex.MALE, 0)), Set.of())).isEmpty();
    }

    @Test
    void a_narrative_is_required_and_bounded_but_may_span_lines() {
        assertThat(policy.check(withNarrative("Dòng một.\r\n\tDòng hai."), Set.of())).isEmpty();
        assertThat(policy.check(withNarrative("ư".repeat(ReportPolicy.MAX_NARRATIVE_LENGTH)), Set.of())).isEmpty();
        assertThat(policy.check(withNarrative("ư".repeat(ReportPolicy.MAX_NARRATIVE_LENGTH + 1)), Set.of()))
                .containsExactly(new Violation("narrative", "must be at most 10000 characters"));
        assertThat(policy.check(withNarrative(null), Set.of()))
                .containsExactly(new Violation("narrative", "is required"));
    }

    @Test
    void text_with_an_unpaired_surrogate_is_rejected_because_it_could_never_be_published() {
        assertThat(policy.check(withNarrative("Cháu \uD83D bị đánh"), Set.of())).extracting(Violation::field)
                .containsExactly("narrative");
        assertThat(policy.check(withNarrative("Cháu sợ hãi \uD83D\uDE22"), Set.of())).isEmpty();
    }

    @Test
    void invisible_format_characters_in_names_and_phones_are_control_characters() {
        ReportDraft draft = withReporter(new Reporter("Trần\u202EVăn", "0912\u0000345678",
                ReporterRelationship.RELATIVE, false, true));

        assertThat(policy.check(draft, Set.of())).containsExactlyInAnyOrder(
                new Violation("reporter.fullName", "must not contain control characters"),
                new Violation("reporter.phone", "must not contain control characters"));
    }

    @Test
    void evaluation_returns_the_normalized_report_when_valid_and_every_violation_when_not() {
        ReportDraft typed = withNarrative("  Cha\u0302\u0301u bé khóc.  ");

        ReportPolicy.Verdict valid = policy.evaluate(typed, List.of(), Set.of());
        ReportPolicy.Verdict invalid = policy.evaluate(withNarrative("   "),
                List.of(new Violation("channel", "must be one of …")), Set.of("channel"));

        assertThat(valid).isInstanceOfSatisfying(ReportPolicy.Valid.class,
                v -> assertThat(v.report().narrative()).isEqualTo("Chấu bé khóc."));
        assertThat(invalid).isInstanceOfSatisfying(ReportPolicy.Invalid.class,
                v -> assertThat(v.violations()).extracting(Violation::field).containsExactly("channel", "narrative"));
    }

    @Test
    void an_anonymous_informants_name_and_phone_are_dropped_before_anything_is_checked_or_kept() {
        ReportDraft v = valid();
        ReportDraft anonymous = new ReportDraft(v.reportId(), v.receivedAt(), v.channel(), v.contactType(),
                v.concerns(), v.severity(), v.location(), v.child(),
                new Reporter("Trần Văn Bình", "not a phone \u0007", ReporterRelationship.NEIGHBOUR, true, true),
                v.narrative());

        ReportPolicy.Verdict verdict = policy.evaluate(anonymous, List.of(), Set.of());

        assertThat(verdict).isInstanceOfSatisfying(ReportPolicy.Valid.class, kept -> {
            assertThat(kept.report().reporter()).isEqualTo(
                    new Reporter(null, null, ReporterRelationship.NEIGHBOUR, true, true));
            assertThat(Fingerprint.canonical(kept.report())).doesNotContain("Trần Văn Bình", "not a phone");
        });
    }

    @Test
    void a_known_informants_name_and_phone_are_kept() {
        ReportPolicy.Verdict verdict = policy.evaluate(valid(), List.of(), Set.of());

        assertThat(verdict).isInstanceOfSatisfying(ReportPolicy.Valid.class, kept ->
                assertThat(kept.report().reporter()).isEqualTo(new Reporter("Trần Văn Bình", "0912 345 678",
                        ReporterRelationship.NEIGHBOUR, false, true)));
    }

    private static PlacedLocation placedOf(ReportPolicy.Verdict verdict) {
        assertThat(verdict).isInstanceOf(ReportPolicy.Valid.class);
        return ((ReportPolicy.Valid) verdict).placed();
    }

    private static ReportDraft withLocation(Location location, OffsetDateTime receivedAt) {
        ReportDraft v = valid();
        return new ReportDraft(v.reportId(), receivedAt, v.channel(), v.contactType(), v.concerns(),
                v.severity(), location, v.child(), v.reporter(), v.narrative());
    }

    private static ReportDraft withNarrative(String narrative) {
        ReportDraft v = valid();
        return new ReportDraft(v.reportId(), v.receivedAt(), v.channel(), v.contactType(), v.concerns(),
                v.severity(), v.location(), v.child(), v.reporter(), narrative);
    }

    private static ReportDraft withChild(Child child) {
        ReportDraft v = valid();
        return new ReportDraft(v.reportId(), v.receivedAt(), v.channel(), v.contactType(), v.concerns(),
                v.severity(), v.location(), child, v.reporter(), v.narrative());
    }

    private static ReportDraft withReporter(Reporter reporter) {
        ReportDraft v = valid();
        return new ReportDraft(v.reportId(), v.receivedAt(), v.channel(), v.contactType(), v.concerns(),
                v.severity(), v.location(), v.child(), reporter, v.narrative());
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
