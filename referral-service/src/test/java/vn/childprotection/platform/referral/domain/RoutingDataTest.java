package vn.childprotection.platform.referral.domain;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.AreaPlacement;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.EscalationRaised.DeadlineKind;
import vn.childprotection.platform.contracts.Location;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.Severity;
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

    /** The last week of the three-level map (until 30 June 2025): districts and their units. */
    private static final OffsetDateTime OLD_MAP_DAY = OffsetDateTime.parse("2025-06-20T10:00:00+07:00");

    private RoutingPlan planOn(OffsetDateTime receivedAt, Severity severity, Location location,
                               Concern... concerns) {
        return routing.plan(new RoutingEnvironment.Request("case-1", receivedAt, ContactType.INTERVENTION,
                List.of(concerns), severity, location, 12));
    }

    @Test
    void aCityRuleOfS4AppliesInTheFormerDienBienPhuCityOnly() {
        // Phường Điện Biên Phủ (03127) kept the code of Him Lam, a ward of the former city (district 094)
        RoutingPlan city = plan(Severity.NORMAL, new Location("11", null, "03127"), Concern.DOMESTIC_VIOLENCE);
        // Xã Mường Nhé (03160): formerly in district 096
        RoutingPlan elsewhere = plan(Severity.NORMAL, new Location("11", null, "03160"), Concern.DOMESTIC_VIOLENCE);

        PlannedReferral culture = referral(city, "CULTURE_SPORTS_TOURISM");
        assertThat(culture.role()).isEqualTo(ReferralRole.SUPPORTING);
        assertThat(culture.ruleId()).isEqualTo("DB-01-DV-CULTURE");
        assertThat(culture.unitId()).as("district units ended on 30 June 2025").isEqualTo("11-CULTURE_SPORTS_TOURISM");
        assertThat(culture.legalBasis()).startsWith("Policy default").contains("IV.4");
        assertThat(elsewhere.referrals()).extracting(PlannedReferral::agency)
                .doesNotContain("CULTURE_SPORTS_TOURISM");
        assertThat(city.rulesetVersion()).isEqualTo("VN-national-2025.1+11-dien-bien-2025.1");
    }

    @Test
    void onTheOldMapTheCityRuleGoesToTheCitysOwnDistrictUnit() {
        RoutingPlan city = planOn(OLD_MAP_DAY, Severity.NORMAL, new Location("11", "094", null),
                Concern.DOMESTIC_VIOLENCE);

        assertThat(city.areaListVersion()).isEqualTo("VN-2024");
        assertThat(referral(city, "CULTURE_SPORTS_TOURISM").unitId()).isEqualTo("11-094-CULTURE_INFORMATION");
    }

    @Test
    void bacKansRulesFollowItsFormerTerritoryIntoThaiNguyen() {
        // Xã Phúc Lộc (01894) of Thái Nguyên (19) was in Ba Bể district (061) of Bắc Kạn (06)
        RoutingPlan plan = plan(Severity.NORMAL, new Location("19", null, "01894"), Concern.NEGLECT);
        // Phường Phan Đình Phùng (05443) was in Thái Nguyên city (164) of the old Thái Nguyên
        RoutingPlan oldThaiNguyen = plan(Severity.NORMAL, new Location("19", null, "05443"), Concern.NEGLECT);

        PlannedReferral commune = referral(plan, "COMMUNE_PC");
        assertThat(commune.role()).isEqualTo(ReferralRole.PRIMARY);
        assertThat(commune.policyDefault()).isFalse();
        assertThat(commune.legalBasis()).contains("QĐ 313/QĐ-UBND").contains("IV.6");
        assertThat(commune.unitId()).isEqualTo("19-01894-COMMUNE_PC");
        assertThat(referral(plan, "SOCIAL_AFFAIRS").role()).as("national row kept").isEqualTo(ReferralRole.PRIMARY);
        assertThat(plan.rulesetVersion()).isEqualTo("VN-national-2025.1+06-bac-kan-2025.1");
        assertThat(oldThaiNguyen.rulesetVersion()).isEqualTo("VN-national-2025.1");
    }

    @Test
    void anGiangsRulesApplyToItsFormerPartOfTheNewAnGiangAndNotToTheFormerKienGiang() {
        RoutingPlan formerAnGiang = plan(Severity.HIGH, new Location("91", null, "30292"), Concern.SEXUAL_ABUSE);
        // Phường Rạch Giá (30742) was in Rạch Giá city (899) of Kiên Giang (91)
        RoutingPlan formerKienGiang = plan(Severity.HIGH, new Location("91", null, "30742"), Concern.SEXUAL_ABUSE);

        assertThat(formerAnGiang.rulesetVersion()).isEqualTo("VN-national-2025.1+89-an-giang-2025.1");
        assertThat(formerAnGiang.referrals()).extracting(PlannedReferral::agency).contains("PROCURACY");
        assertThat(formerAnGiang.triage().required()).isFalse();
        assertThat(formerKienGiang.rulesetVersion()).isEqualTo("VN-national-2025.1");
        assertThat(formerKienGiang.referrals()).extracting(PlannedReferral::agency).doesNotContain("PROCURACY");
        assertThat(formerKienGiang.triage().required()).isFalse();
    }

    @Test
    void theProcuracyIsInformedOfSeriousAbuseInAnGiangOnlyAtHighOrEmergency() {
        RoutingPlan high = plan(Severity.HIGH, new Location("91", null, "30292"), Concern.SEXUAL_ABUSE);
        RoutingPlan normal = plan(Severity.NORMAL, new Location("91", null, "30292"), Concern.SEXUAL_ABUSE);

        PlannedReferral procuracy = referral(high, "PROCURACY");
        assertThat(procuracy.role()).isEqualTo(ReferralRole.INFORMED);
        assertThat(procuracy.unitId()).as("province-level unit: no commune unit").isEqualTo("91-PROCURACY");
        assertThat(procuracy.areaCode()).isEqualTo("91");
        assertThat(procuracy.note()).contains("parent area 91");
        assertThat(normal.referrals()).extracting(PlannedReferral::agency).doesNotContain("PROCURACY");
    }

    @Test
    void theSameCodesOnEitherSideOfMidnightOn30June2025AreRoutedOnTheirOwnMap() {
        Location oldAnGiang = new Location("89", "883", "30292");
        RoutingPlan lastMinute = planOn(OffsetDateTime.parse("2025-06-30T23:59:00+07:00"), Severity.HIGH, oldAnGiang,
                Concern.SEXUAL_ABUSE);
        RoutingPlan firstMinute = planOn(OffsetDateTime.parse("2025-07-01T00:00:00+07:00"), Severity.HIGH,
                oldAnGiang, Concern.SEXUAL_ABUSE);

        assertThat(lastMinute.areaListVersion()).isEqualTo("VN-2024");
        assertThat(lastMinute.location()).isEqualTo(oldAnGiang);
        assertThat(referral(lastMinute, "POLICE").unitId()).isEqualTo("89-883-POLICE");
        assertThat(referral(lastMinute, "PROCURACY").unitId()).isEqualTo("89-PROCURACY");
        assertThat(firstMinute.areaListVersion()).isEqualTo("VN-2025");
        assertThat(firstMinute.location()).isEqualTo(new Location("91", null, "30292"));
        assertThat(firstMinute.areaNotes()).isNotEmpty();
        assertThat(referral(firstMinute, "POLICE").unitId()).isEqualTo("91-30292-POLICE");
        assertThat(referral(firstMinute, "PROCURACY").unitId()).isEqualTo("91-PROCURACY");
        assertThat(lastMinute.rulesetVersion()).isEqualTo(firstMinute.rulesetVersion())
                .isEqualTo("VN-national-2025.1+89-an-giang-2025.1");
    }

    @Test
    void aSpecialZoneIsRoutedToItsOwnCommuneLevelUnits() {
        RoutingPlan phuQuoc = plan(Severity.NORMAL, new Location("91", null, "31078"), Concern.VIOLENCE);

        assertThat(referral(phuQuoc, "POLICE").unitId()).isEqualTo("91-31078-POLICE");
        assertThat(phuQuoc.rulesetVersion()).as("Phú Quốc was part of Kiên Giang").isEqualTo("VN-national-2025.1");
        assertThat(phuQuoc.triage().required()).isFalse();
    }

    @Test
    void theStandingAgencysProvincialUnitIsTheDepartmentOfHealthFrom1March2025() {
        RoutingPlan february = planOn(OffsetDateTime.parse("2025-02-28T10:00:00+07:00"), Severity.NORMAL,
                new Location("11", null, null), Concern.VIOLENCE);
        RoutingPlan march = planOn(OffsetDateTime.parse("2025-03-01T10:00:00+07:00"), Severity.NORMAL,
                new Location("11", null, null), Concern.VIOLENCE);

        assertThat(referral(february, "SOCIAL_AFFAIRS").unitId()).isEqualTo("11-SOCIAL_AFFAIRS");
        assertThat(referral(march, "SOCIAL_AFFAIRS").unitId()).as("same desk, same id: history and topics keep it")
                .isEqualTo("11-SOCIAL_AFFAIRS");
        assertThat(routing.agencies().unitFor("SOCIAL_AFFAIRS", List.of("11"), LocalDate.parse("2025-02-28"))
                .orElseThrow().name()).contains("Lao động - Thương binh và Xã hội");
        assertThat(routing.agencies().unitFor("SOCIAL_AFFAIRS", List.of("11"), LocalDate.parse("2025-03-01"))
                .orElseThrow().name()).contains("Sở Y tế");
    }

    @Test
    void haNoiAddsNothingToTheNationalDefault() {
        RoutingPlan plan = plan(Severity.NORMAL, new Location("01", null, "00301"), Concern.VIOLENCE);

        assertThat(plan.rulesetVersion()).isEqualTo("VN-national-2025.1+01-ha-noi-2025.1");
        assertThat(plan.referrals()).extracting(PlannedReferral::ruleId).containsOnly("VN.VIOLENCE");
    }

    @Test
    void aReferralGoesToTheMostLocalUnitAndAReportWithOnlyAProvinceAtProvinceLevel() {
        RoutingPlan commune = plan(Severity.NORMAL, new Location("11", null, "03253"), Concern.VIOLENCE);
        RoutingPlan province = plan(Severity.NORMAL, new Location("11", null, null), Concern.VIOLENCE);

        assertThat(referral(commune, "POLICE").unitId()).isEqualTo("11-03253-POLICE");
        assertThat(referral(commune, "POLICE").areaCode()).isEqualTo("03253");
        assertThat(referral(commune, "HEALTH").unitId()).as("no commune unit: the province's")
                .isEqualTo("11-HEALTH");
        assertThat(referral(province, "POLICE").unitId()).isEqualTo("11-POLICE");
        assertThat(province.triage().required()).isFalse();
    }

    @Test
    void aReportOfTodayThatNamesADistrictIsRoutedOnTodaysMapNotLost() {
        RoutingPlan districtOnly = plan(Severity.NORMAL, new Location("11", "099", null), Concern.VIOLENCE);
        RoutingPlan mergedCommune = plan(Severity.NORMAL, new Location("11", "094", "03124"), Concern.VIOLENCE);

        assertThat(districtOnly.location()).isEqualTo(new Location("11", null, null));
        assertThat(referral(districtOnly, "POLICE").unitId()).isEqualTo("11-POLICE");
        assertThat(districtOnly.triage().required()).isFalse();
        assertThat(districtOnly.areaNotes()).first().asString().contains("districtCode 099");
        assertThat(mergedCommune.triage().required()).isTrue();
        assertThat(mergedCommune.triage().reasons()).anySatisfy(r -> assertThat(r).contains("03124")
                .contains("pick the commune"));
    }

    @Test
    void aDistrictThatIntakeMappedStillBringsTheRulesWrittenForItsFormerTerritory() {
        // intake placed "11/094" of today at province 11 and kept the codes as reported
        AreaPlacement placement = new AreaPlacement("VN-2026-04", AreaPlacement.Outcome.MAPPED,
                new Location("11", "094", null), List.of("districtCode 094 belongs to map VN-2024"));
        RoutingPlan plan = routing.plan(new RoutingEnvironment.Request("case-1", FRIDAY_EVENING,
                ContactType.INTERVENTION, List.of(Concern.DOMESTIC_VIOLENCE), Severity.NORMAL,
                new Location("11", null, null), 12, placement));

        assertThat(plan.location()).isEqualTo(new Location("11", null, null));
        assertThat(referral(plan, "CULTURE_SPORTS_TOURISM").ruleId()).as("Điện Biên Phủ city's rule (S4)")
                .isEqualTo("DB-01-DV-CULTURE");
        assertThat(plan.triage().required()).isFalse();
    }

    @Test
    void anUnknownCommuneIsRoutedAtProvinceLevelAndFlaggedForTriage() {
        RoutingPlan plan = plan(Severity.NORMAL, new Location("11", null, "99999"), Concern.VIOLENCE);

        assertThat(plan.referrals()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.areaCode()).isEqualTo("11");
            assertThat(r.note()).contains("location.communeCode");
        });
        assertThat(plan.triage().required()).isTrue();
        assertThat(plan.triage().reasons()).singleElement().asString().contains("routed at the level");
    }

    @Test
    void anUnknownProvinceIsStillRoutedAndFlagged() {
        RoutingPlan plan = plan(Severity.NORMAL, new Location("99", null, null), Concern.VIOLENCE);

        assertThat(plan.referrals()).isNotEmpty().allSatisfy(r -> assertThat(r.unitId()).isNull());
        assertThat(plan.triage().required()).isTrue();
    }

    @Test
    void theTwoLevelMapRoutesACommuneStraightUnderItsProvinceFrom1July2025() {
        AreaDirectory areas = new AreaDirectory(RoutingFixtures.maps());

        var after = areas.resolve(new Location("11", null, "03127"), LocalDate.parse("2025-07-01"));
        var before = areas.resolve(new Location("11", "094", null), LocalDate.parse("2025-06-30"));
        var unknown = areas.resolve(new Location("11", null, "90999"), LocalDate.parse("2026-01-01"));
        var staleDistrict = areas.resolve(new Location("11", "094", "03127"), LocalDate.parse("2026-01-01"));

        assertThat(after.chain()).containsExactly("03127", "11");
        assertThat(after.listVersion()).isEqualTo("VN-2025");
        assertThat(after.chains()).containsEntry("VN-2024", List.of("03127", "094", "11"));
        assertThat(before.chain()).containsExactly("094", "11");
        assertThat(before.listVersion()).isEqualTo("VN-2024");
        assertThat(unknown.chain()).containsExactly("11");
        assertThat(unknown.triage()).singleElement().asString().contains("location.communeCode");
        assertThat(staleDistrict.chain()).containsExactly("03127", "11");
        assertThat(staleDistrict.triage()).isEmpty();
        assertThat(staleDistrict.notes()).first().asString().contains("districtCode 094 belongs to map VN-2024");
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
                "rulesets-versions/dien-bien-v1.yaml", "rulesets-versions/dien-bien-v2.yaml"));
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
                "rulesets-versions/dien-bien-v1.yaml", "rulesets-versions/dien-bien-overlapping.yaml")))
                .isInstanceOf(InvalidRulesetException.class)
                .hasMessageContaining("dien-bien-")
                .hasMessageContaining("overlaps version");
    }

    @Test
    void anAgencyUnknownToTheDirectoryFailsNamingFileRuleAndAgency() {
        assertThatThrownBy(() -> RoutingFixtures.routing(List.of("rulesets-versions/national-default.yaml",
                "rulesets-versions/unknown-agency.yaml")))
                .isInstanceOf(InvalidRulesetException.class)
                .hasMessageContaining("rulesets-versions/unknown-agency.yaml")
                .hasMessageContaining("rule TEST-ORACLE: unknown agency ORACLE_OFFICE");
    }
}
