package vn.childprotection.platform.reporting.domain;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.Event;
import vn.childprotection.platform.reporting.fixtures.CaseEvents;
import vn.childprotection.platform.reporting.fixtures.CaseEvents.CaseOpenedBuilder;
import vn.childprotection.platform.reporting.fixtures.ShippedMaps;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Figures across the change of the administrative map on 1 July 2025 (Asia/Ho_Chi_Minh): each case is on the map of
 * its day, counts under the province of today's map its province became part of, and is broken down by district on
 * the three-level map and by commune on the two-level one.
 */
class FiguresAcrossTheMapChangeTest {

    private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");

    /** An intervention case received at 10:00 in Viet Nam on that day. */
    private static CaseOpenedBuilder caseOn(String name, LocalDate day) {
        return CaseEvents.aCase(name).intervention(0).receivedAt(day, LocalTime.of(10, 0));
    }

    private static FactSet facts(StatsFilter filter, CaseOpenedBuilder... cases) {
        FactFold fold = new FactFold(ShippedMaps.AREAS);
        for (CaseOpenedBuilder c : cases) {
            fold.fold((Event) c.build());
        }
        return FactSet.select(fold.cases(), fold.referrals(), fold.notifications(), filter);
    }

    private static StatsFilter province(String code) {
        return new StatsFilter(null, code, null, null, null);
    }

    private static List<String> rows(Views.Breakdown breakdown) {
        return breakdown.rows().stream().map(row -> row.key() + " " + row.contacts()).toList();
    }

    @Test
    void a_2024_case_of_the_former_an_giang_89_and_a_2026_case_of_the_new_an_giang_91_both_count_in_its_series() {
        CaseOpenedBuilder formerAnGiang = caseOn("an-giang-2024", LocalDate.of(2024, 5, 20)).province("89", "883");
        CaseOpenedBuilder formerKienGiang = caseOn("kien-giang-2024", LocalDate.of(2024, 8, 1))
                .province("91", "899");
        CaseOpenedBuilder newAnGiang = caseOn("an-giang-2026", LocalDate.of(2026, 3, 10)).commune("91", "30292");
        CaseOpenedBuilder dienBien = caseOn("dien-bien-2026", LocalDate.of(2026, 3, 10)).commune("11", "03127");

        Views.Timeseries series = StatsCalculator.timeseries(facts(province("91"), formerAnGiang, formerKienGiang,
                newAnGiang, dienBien), Granularity.YEAR);

        assertThat(series.buckets()).extracting(Views.TimeseriesBucket::period, Views.TimeseriesBucket::contacts)
                .containsExactly(tuple("2024", 2L), tuple("2026", 1L));
    }

    @Test
    void every_province_breakdown_counts_under_the_provinces_of_todays_map() {
        Overview overview = StatsCalculator.overview(facts(StatsFilter.NONE,
                caseOn("bac-kan-2024", LocalDate.of(2024, 2, 1)).province("06", "058"),
                caseOn("thai-nguyen-2026", LocalDate.of(2026, 2, 1)).commune("19", "01843"),
                caseOn("an-giang-2024", LocalDate.of(2024, 5, 20)).province("89", "883")), StatsFilter.NONE, NOW);

        assertThat(overview.byProvince()).containsExactly(Map.entry("19", 2L), Map.entry("91", 1L));
    }

    @Test
    void a_figure_for_a_day_on_the_two_level_map_is_broken_down_by_commune() {
        LocalDate day = LocalDate.of(2026, 3, 10);
        FactSet facts = facts(new StatsFilter(ReportingPeriod.parse("2026-03-10").orElseThrow(), "11", null, null,
                        null),
                caseOn("dien-bien-phu-1", day).commune("11", "03127"),
                caseOn("dien-bien-phu-2", day).commune("11", "03127"),
                caseOn("muong-lay", day).commune("11", "03151"),
                caseOn("an-giang", day).commune("91", "30292"));

        assertThat(rows(StatsCalculator.breakdown(facts, StatsCalculator.Dimension.COMMUNE)))
                .containsExactly("03127 2", "03151 1");
        assertThat(StatsCalculator.breakdown(facts, StatsCalculator.Dimension.DISTRICT).rows()).isEmpty();
        assertThat(StatsCalculator.overview(facts, StatsFilter.NONE, NOW).byCommune())
                .containsExactly(Map.entry("03127", 2L), Map.entry("03151", 1L));
    }

    @Test
    void a_figure_for_a_day_before_the_change_is_broken_down_by_district() {
        LocalDate day = LocalDate.of(2024, 3, 10);
        FactSet facts = facts(new StatsFilter(ReportingPeriod.parse("2024-03-10").orElseThrow(), "11", null, null,
                        null),
                caseOn("district-named", day).province("11", "094"),
                caseOn("commune-only", day).location("11", null, "03124"),
                caseOn("muong-cha", day).province("11", "095"));

        assertThat(rows(StatsCalculator.breakdown(facts, StatsCalculator.Dimension.DISTRICT)))
                .as("a case that names its commune only counts in that commune's district")
                .containsExactly("094 2", "095 1");
        assertThat(StatsCalculator.breakdown(facts, StatsCalculator.Dimension.COMMUNE).rows()).isEmpty();
    }

    @Test
    void a_period_across_the_change_is_broken_down_by_district_before_and_by_commune_after() {
        FactSet facts = facts(province("11"),
                caseOn("before", LocalDate.of(2025, 6, 30)).province("11", "094"),
                caseOn("after", LocalDate.of(2025, 7, 1)).commune("11", "03127"));

        assertThat(StatsCalculator.breakdown(facts, StatsCalculator.Dimension.AREA).rows())
                .extracting(Views.BreakdownRow::key, Views.BreakdownRow::group)
                .containsExactlyInAnyOrder(tuple("094", "DISTRICT"), tuple("03127", "COMMUNE"));
    }

    @Test
    void the_map_of_a_case_changes_at_midnight_in_viet_nam() {
        CaseOpenedBuilder lastMinute = CaseEvents.aCase("last-minute").province("89", "883")
                .receivedAt(OffsetDateTime.of(2025, 6, 30, 23, 59, 0, 0, CaseEvents.VIETNAM));
        // 17:30 UTC on 30 June is 00:30 on 1 July in Viet Nam
        CaseOpenedBuilder firstMinutes = CaseEvents.aCase("first-minutes").commune("91", "30292")
                .receivedAt(OffsetDateTime.of(2025, 6, 30, 17, 30, 0, 0, ZoneOffset.UTC));

        List<CaseFact> cases = facts(StatsFilter.NONE, lastMinute, firstMinutes).cases();

        assertThat(cases).extracting(CaseFact::caseId, CaseFact::areaMap, CaseFact::latestProvinceCode)
                .containsExactlyInAnyOrder(tuple(lastMinute.caseId(), "VN-2024", "91"),
                        tuple(firstMinutes.caseId(), "VN-2025", "91"));
    }

    @Test
    void a_district_filter_selects_days_before_the_change_and_a_commune_filter_days_after() {
        CaseOpenedBuilder before = caseOn("kept-code-before", LocalDate.of(2025, 3, 1)).location("11", "094", "03127");
        CaseOpenedBuilder after = caseOn("kept-code-after", LocalDate.of(2026, 3, 1)).commune("11", "03127");
        StatsFilter district = new StatsFilter(null, "11", "094", null, null, null);
        StatsFilter commune = new StatsFilter(null, "11", null, "03127", null, null);

        assertThat(facts(district, before, after).cases()).extracting(CaseFact::caseId)
                .containsExactly(before.caseId());
        assertThat(facts(commune, before, after).cases()).as("03127 of 2025-03 is the old ward, not today's")
                .extracting(CaseFact::caseId).containsExactly(after.caseId());
    }

    @Test
    void a_case_after_the_change_that_still_names_its_former_province_counts_under_the_successor() {
        CaseOpenedBuilder oldCode = caseOn("bac-kan-code-in-2026", LocalDate.of(2026, 1, 5)).province("06", null);

        assertThat(facts(province("19"), oldCode).cases()).singleElement()
                .satisfies(fact -> assertThat(fact.areaMap()).isEqualTo("VN-2025"));
    }
}
