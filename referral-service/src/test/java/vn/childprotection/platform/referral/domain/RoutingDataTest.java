package vn.childprotection.platform.referral.domain;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.EscalationRaised.DeadlineKind;
import vn.childprotection.platform.contracts.Location;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.referral.adapter.out.directory.AreaCsvReader;
import vn.childprotection.platform.referral.adapter.out.ruleset.InvalidRulesetException;
import vn.childprotection.platform.referral.fixtures.RoutingFixtures;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Provincial rulesets, versions, jurisdiction, deadlines and escalation with the shipped routing data. */
class RoutingDataTest {

    private static final OffsetDateTime FRIDAY_EVENING = OffsetDateTime.parse("2026-11-20T18:00:00+07:00");
    private final RoutingEnvironment routing = RoutingFixtures.shippedRouting();

    private RoutingPlan plan(Severity severity, Location location, Concern... concerns) {
        return routing.plan(new RoutingEnvironment.Request("case-1", FRIDAY_EVENING, ContactType.INTERVENTION,
                List.of(concerns), severity, location, 12));
    }

    private static PlannedReferral referral(RoutingPlan plan, String agency) {
        return plan.referrals().stream().filter(r -> r.agency().equals(agency)).findFirst().orElseThrow();
    }

    @Test
    void aCityRuleOfS4AppliesInDienBienPhuCityOnly() {
        RoutingPlan city = plan(Severity.NORMAL, new Location("11", "094", null), Concern.DOMESTIC_VIOLENCE);
        RoutingPlan elsewhere = plan(Severity.NORMAL, new Location("11", "096", null), Concern.DOMESTIC_VIOLENCE);

        PlannedReferral culture = referral(city, "CULTURE_SPORTS_TOURISM");
        assertThat(culture.role()).isEqualTo(ReferralRole.SUPPORTING);
        assertThat(culture.ruleId()).isEqualTo("DB-01-DV-CULTURE");
        assertThat(culture.unitId()).isEqualTo("11-094-CULTURE_INFORMATION");
        assertThat(culture.legalBasis()).startsWith("Policy default").contains("IV.4");
        assertThat(elsewhere.referrals()).extracting(PlannedReferral::agency)
                .doesNotContain("CULTURE_SPORTS_TOURISM");
        assertThat(city.rulesetVersion()).isEqualTo("VN-national-2025.1+11-dien-bien-2025.1");
    }

    @Test
    void bacKanAddsTheCommunePeopleCommitteeAsPrimaryForNeglectCitingS1IV6() {
        RoutingPlan plan = plan(Severity.NORMAL, new Location("06", "061", null), Concern.NEGLECT);

        PlannedReferral commune = referral(plan, "COMMUNE_PC");
        assertThat(commune.role()).isEqualTo(ReferralRole.PRIMARY);
        assertThat(commune.policyDefault()).isFalse();
        assertThat(commune.legalBasis()).contains("QĐ 313/QĐ-UBND").contains("IV.6");
        assertThat(referral(plan, "SOCIAL_AFFAIRS").role()).as("national row kept").isEqualTo(ReferralRole.PRIMARY);
    }

    @Test
    void theProcuracyIsInformedOfSeriousAbuseInAnGiangOnlyAtHighOrEmergency() {
        RoutingPlan high = plan(Severity.HIGH, new Location("89", "883", null), Concern.SEXUAL_ABUSE);
        RoutingPlan normal = plan(Severity.NORMAL, new Location("89", "883", null), Concern.SEXUAL_ABUSE);

        PlannedReferral procuracy = referral(high, "PROCURACY");
        assertThat(procuracy.role()).isEqualTo(ReferralRole.INFORMED);
        assertThat(procuracy.unitId()).as("province-level unit: no district unit").isEqualTo("89-PROCURACY");
        assertThat(procuracy.areaCode()).isEqualTo("89");
        assertThat(procuracy.note()).contains("parent area 89");
        assertThat(normal.referrals()).extracting(PlannedReferral::agency).doesNotContain("PROCURACY");
    }

    @Test
    void haNoiAddsNothingToTheNationalDefault() {
        RoutingPlan plan = plan(Severity.NORMAL, new Location("01", "008", null), Concern.VIOLENCE);

        assertThat(plan.rulesetVersion()).isEqualTo("VN-national-2025.1+01-ha-noi-2025.1");
        assertThat(plan.referrals()).extracting(PlannedReferral::ruleId).containsOnly("VN.VIOLENCE");
    }

    @Test
    void aReferralGoesToTheMostLocalUnitAndAReportWithOnlyAProvinceAtProvinceLevel() {
        RoutingPlan district = plan(Severity.NORMAL, new Location("11", "099", null), Concern.VIOLENCE);
        RoutingPlan province = plan(Severity.NORMAL, new Location("11", null, null), Concern.VIOLENCE);

        assertThat(referral(district, "POLICE").unitId()).isEqualTo("11-099-POLICE");
        assertThat(referral(district, "POLICE").areaCode()).isEqualTo("099");
        assertThat(referral(province, "POLICE").unitId()).isEqualTo("11-POLICE");
        assertThat(province.triage().required()).isFalse();
    }

    @Test
    void anUnknownDistrictIsRoutedAtProvinceLevelAndFlaggedForTriage() {
        RoutingPlan plan = plan(Severity.NORMAL, new Location("11", "999", null), Concern.VIOLENCE);

        assertThat(plan.referrals()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.areaCode()).isEqualTo("11");
            assertThat(r.note()).contains("districtCode 999 is unknown");
        });
        assertThat(plan.triage().required()).isTrue();
        assertThat(plan.triage().reasons()).singleElement().asString().contains("routed at province level");
    }

    @Test
    void anUnknownProvinceIsStillRoutedAndFlagged() {
        RoutingPlan plan = plan(Severity.NORMAL, new Location("77", null, null), Concern.VIOLENCE);

        assertThat(plan.referrals()).isNotEmpty().allSatisfy(r -> assertThat(r.unitId()).isNull());
        assertThat(plan.triage().required()).isTrue();
    }

    @Test
    void theTwoLevelHierarchyRoutesACommuneStraightUnderItsProvince() {
        var twoLevel = AreaCsvReader.read("areas/two-level-fixture.csv", "TEST-2025-07", LocalDate.parse(
                "2025-07-01"), RoutingFixtures.open("areas/two-level-fixture.csv"));
        AreaDirectory areas = new AreaDirectory(List.of(RoutingFixtures.preTwentyTwentyFiveAreas(), twoLevel));

        var after = areas.resolve(new Location("11", null, "90001"), LocalDate.parse("2025-07-01"));
        var before = areas.resolve(new Location("11", "094", null), LocalDate.parse("2025-06-30"));
        var unknown = areas.resolve(new Location("11", null, "90999"), LocalDate.parse("2026-01-01"));
        var staleDistrict = areas.resolve(new Location("11", "094", "90002"), LocalDate.parse("2026-01-01"));

        assertThat(after.chain()).containsExactly("90001", "11");
        assertThat(after.listVersion()).isEqualTo("TEST-2025-07");
        assertThat(before.chain()).containsExactly("094", "11");
        assertThat(unknown.chain()).containsExactly("11");
        assertThat(unknown.triage()).singleElement().asString().contains("communeCode 90999 is unknown");
        assertThat(staleDistrict.chain()).containsExactly("90002", "11");
        assertThat(staleDistrict.notes()).singleElement().asString().contains("no district level");
    }

    @Test
    void emergencyEscalatesWithTwelveHoursForEmergencyMeasuresAndFiveWorkingDaysForThePlan() {
        RoutingPlan plan = plan(Severity.EMERGENCY, new Location("11", "094", null), Concern.VIOLENCE);

        Escalation escalation = plan.escalation().orElseThrow();
        assertThat(escalation.recipientRole()).isEqualTo("COORDINATOR");
        Map<DeadlineKind, Instant> due = escalation.deadlines().stream().collect(
                java.util.stream.Collectors.toMap(d -> d.kind(), d -> d.dueAt()));
        assertThat(due.get(DeadlineKind.EMERGENCY_MEASURES))
                .isEqualTo(FRIDAY_EVENING.toInstant().plus(Duration.ofHours(12)));
        // Friday 20 Nov 2026 18:00 + 5 working days (Sat/Sun skipped) = Friday 27 Nov 18:00
        assertThat(due.get(DeadlineKind.SUPPORT_PLAN))
                .isEqualTo(OffsetDateTime.parse("2026-11-27T18:00:00+07:00").toInstant());
        assertThat(escalation.deadlines()).filteredOn(d -> d.kind() == DeadlineKind.ACKNOWLEDGEMENT)
                .singleElement().satisfies(d -> assertThat(d.policyDefault()).isTrue());
        assertThat(plan.referrals()).allSatisfy(r -> assertThat(r.dueAt())
                .isEqualTo(FRIDAY_EVENING.toInstant().plus(Duration.ofHours(1))));
    }

    @Test
    void aNormalCaseDoesNotEscalateAndItsReferralsAreDueInTwoWorkingDays() {
        RoutingPlan plan = plan(Severity.NORMAL, new Location("11", "094", null), Concern.VIOLENCE);

        assertThat(plan.escalation()).isEmpty();
        assertThat(plan.referrals()).allSatisfy(r -> assertThat(r.dueAt())
                .isEqualTo(OffsetDateTime.parse("2026-11-24T18:00:00+07:00").toInstant()));
    }

    @Test
    void workingDaysSkipWeekendsAndConfiguredHolidays() {
        WorkingCalendar calendar = new WorkingCalendar(Set.of(LocalDate.parse("2026-09-02"),
                LocalDate.parse("2026-09-01")));
        var monday = OffsetDateTime.parse("2026-08-31T10:00:00+07:00").atZoneSameInstant(DeadlinePolicy.VIETNAM);

        assertThat(calendar.plusWorkingDays(monday, 5).toLocalDate()).isEqualTo(LocalDate.parse("2026-09-09"));
    }

    @Test
    void aNewRulesetVersionAppliesToReportsReceivedFromItsEffectiveDateOnly() {
        RoutingEnvironment versions = RoutingFixtures.routing(List.of("rulesets-versions/national-default.yaml",
                "rulesets-versions/dien-bien-v1.yaml", "rulesets-versions/dien-bien-v2.yaml"),
                List.of(RoutingFixtures.preTwentyTwentyFiveAreas()));
        var location = new Location("11", "094", null);

        RoutingPlan before = versions.plan(new RoutingEnvironment.Request("a", OffsetDateTime.parse(
                "2026-11-30T23:59:00+07:00"), ContactType.INTERVENTION, List.of(Concern.SEXUAL_ABUSE), Severity.HIGH,
                location, 12));
        RoutingPlan after = versions.plan(new RoutingEnvironment.Request("b", OffsetDateTime.parse(
                "2026-11-30T17:00:00Z"), ContactType.INTERVENTION, List.of(Concern.SEXUAL_ABUSE), Severity.HIGH,
                location, 12)); // 1 Dec 00:00 in Asia/Ho_Chi_Minh

        assertThat(before.rulesetVersion()).isEqualTo("VN-national-2025.1+11-test-v1");
        assertThat(before.referrals()).extracting(PlannedReferral::agency).doesNotContain("PROCURACY");
        assertThat(after.rulesetVersion()).isEqualTo("VN-national-2025.1+11-test-v2");
        assertThat(after.referrals()).extracting(PlannedReferral::agency).contains("PROCURACY");
    }

    @Test
    void overlappingVersionsOfOneJurisdictionFailNamingTheFile() {
        assertThatThrownBy(() -> RoutingFixtures.routing(List.of("rulesets-versions/national-default.yaml",
                "rulesets-versions/dien-bien-v1.yaml", "rulesets-versions/dien-bien-overlapping.yaml"), List.of(
                RoutingFixtures.preTwentyTwentyFiveAreas())))
                .isInstanceOf(InvalidRulesetException.class)
                .hasMessageContaining("dien-bien-")
                .hasMessageContaining("overlaps version");
    }

    @Test
    void anAgencyUnknownToTheDirectoryFailsNamingFileRuleAndAgency() {
        assertThatThrownBy(() -> RoutingFixtures.routing(List.of("rulesets-versions/national-default.yaml",
                "rulesets-versions/unknown-agency.yaml"), List.of(RoutingFixtures.preTwentyTwentyFiveAreas())))
                .isInstanceOf(InvalidRulesetException.class)
                .hasMessageContaining("rulesets-versions/unknown-agency.yaml")
                .hasMessageContaining("rule TEST-ORACLE: unknown agency ORACLE_OFFICE");
    }
}
