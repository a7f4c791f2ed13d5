package vn.childprotection.platform.reporting.domain;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.Event;
import vn.childprotection.platform.contracts.Ids;
import vn.childprotection.platform.contracts.PersonalDataErased;
import vn.childprotection.platform.reporting.fixtures.AgencyLoopScenario;
import vn.childprotection.platform.reporting.fixtures.ShippedMaps;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The funnel, timeliness, overdue, indicator and repeat rules over the scripted quarter, counted by hand. */
class AgencyLoopFiguresTest {

    private static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");
    private final AgencyLoopScenario scenario = new AgencyLoopScenario(2024);
    private final StatsFilter q1 = new StatsFilter(ReportingPeriod.parse("2024-Q1").orElseThrow(), "11", null, null,
            null);

    private FactSet facts(List<Event> events, StatsFilter filter) {
        FactFold fold = new FactFold(ShippedMaps.AREAS);
        events.forEach(fold::fold);
        fold.attachContexts();
        return FactSet.select(fold.cases(), fold.referrals(), fold.notifications(), filter);
    }

    private List<Event> all() {
        List<Event> events = new ArrayList<>(scenario.events());
        events.addAll(scenario.notifications());
        return events;
    }

    @Test
    void the_funnel_counts_each_agency_s_referrals_through_every_stage_with_reasons() {
        Map<String, Views.FunnelRow> rows = byAgency(StatsCalculator.funnel(facts(all(), q1), NOW));

        assertThat(rows.keySet()).containsExactly("SOCIAL_AFFAIRS", "POLICE", "HEALTH", "WOMENS_UNION");
        Views.FunnelRow police = rows.get("POLICE");
        assertThat(List.of(police.issued(), police.acknowledged(), police.accepted(), police.inProgress(),
                police.completed(), police.declined(), police.forwarded(), police.openOverdue()))
                .containsExactly(2L, 1L, 1L, 0L, 1L, 0L, 0L, 1L);
        assertThat(police.timeToAcknowledge()).isEqualTo(new Percentiles(1, 10.0, 10.0));
        assertThat(police.timeToAccept().medianMinutes()).isEqualTo(30.0);
        assertThat(police.timeToComplete().medianMinutes()).isEqualTo(600.0);
        assertThat(police.onTime().get("ACKNOWLEDGEMENT")).isEqualTo(new Views.OnTime(2, 1, 0.5));
        assertThat(police.onTime().get("EMERGENCY_MEASURES")).isEqualTo(new Views.OnTime(1, 1, 1.0));
        assertThat(police.onTime().get("SUPPORT_PLAN")).isEqualTo(new Views.OnTime(2, 1, 0.5));

        Views.FunnelRow health = rows.get("HEALTH");
        assertThat(health.acknowledged()).as("a decline acknowledges").isEqualTo(1);
        assertThat(health.declineReasons()).containsExactly(Map.entry("OUTSIDE_MANDATE", 1L));
        assertThat(health.onTime().get("ACKNOWLEDGEMENT")).isEqualTo(new Views.OnTime(1, 0, 0.0));
        assertThat(rows.get("WOMENS_UNION").forwardReasons()).containsExactly(Map.entry("BETTER_PLACED_AGENCY", 1L));
        assertThat(rows.get("SOCIAL_AFFAIRS").timeToAcknowledge().medianMinutes()).isEqualTo(15.0);
        assertThat(rows.get("SOCIAL_AFFAIRS").onTime().get("EMERGENCY_MEASURES").share()).isEqualTo(1.0);
    }

    @Test
    void erasing_every_cases_personal_data_leaves_every_figure_identical() {
        List<Event> erased = new ArrayList<>(all());
        scenario.events().stream().map(Event::caseId).distinct().forEach(caseId -> erased.add(
                new PersonalDataErased(Ids.nameBased(PersonalDataErased.TYPE, caseId), NOW, caseId,
                        PersonalDataErased.Cause.REQUEST)));
        String unknown = Ids.nameBased("case", "never opened");
        erased.add(new PersonalDataErased(Ids.nameBased(PersonalDataErased.TYPE, unknown), NOW, unknown,
                PersonalDataErased.Cause.RETENTION));
        StatsFilter year = new StatsFilter(ReportingPeriod.parse("2024").orElseThrow(), "11", null, null, null);

        for (StatsFilter filter : List.of(q1, year)) {
            FactSet before = facts(all(), filter);
            FactSet after = facts(erased, filter);
            assertThat(StatsCalculator.overview(after, filter, NOW))
                    .isEqualTo(StatsCalculator.overview(before, filter, NOW));
            assertThat(StatsCalculator.funnel(after, NOW)).isEqualTo(StatsCalculator.funnel(before, NOW));
            assertThat(StatsCalculator.overdue(after, NOW)).isEqualTo(StatsCalculator.overdue(before, NOW));
            assertThat(StatsCalculator.repeats(after)).isEqualTo(StatsCalculator.repeats(before));
            for (StatsCalculator.Dimension by : StatsCalculator.Dimension.values()) {
                assertThat(StatsCalculator.breakdown(after, by)).isEqualTo(StatsCalculator.breakdown(before, by));
            }
        }
        FactFold fold = new FactFold(ShippedMaps.AREAS);
        erased.forEach(fold::fold);
        assertThat(fold.cases()).extracting(CaseFact::caseId).doesNotContain(unknown);
    }

    @Test
    void time_to_acknowledge_across_agencies_is_the_median_of_all_acknowledged_referrals() {
        List<Views.FunnelRow> rows = StatsCalculator.funnel(facts(all(), q1), NOW);
        assertThat(rows.stream().mapToLong(r -> r.timeToAcknowledge().count()).sum()).isEqualTo(4);
        assertThat(Percentiles.of(List.of(10.0, 15.0, 90.0, 30.0)).medianMinutes()).isEqualTo(22.5);
    }

    @Test
    void an_unanswered_referral_past_its_deadline_is_an_open_overdue_referral_at_its_watchdog_stage() {
        List<Views.OverdueRow> rows = StatsCalculator.overdue(facts(all(), q1), NOW);

        assertThat(rows).extracting(Views.OverdueRow::referralId, Views.OverdueRow::deadline,
                        Views.OverdueRow::stage)
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple(scenario.traffickingPolice.referralId(),
                                "ACKNOWLEDGEMENT", "ESCALATED"),
                        org.assertj.core.api.Assertions.tuple(scenario.traffickingPolice.referralId(),
                                "SUPPORT_PLAN", null));
        assertThat(StatsCalculator.overview(facts(all(), q1), q1, NOW).openOverdueReferrals()).isEqualTo(1);
    }

    @Test
    void indicators_are_shares_against_the_province_s_targets_with_their_sources() {
        Map<String, Indicators.Value> values = new java.util.LinkedHashMap<>();
        Indicators.compute(IndicatorData.catalog(), facts(all(), q1), "11", NOW)
                .forEach(v -> values.put(v.id(), v));

        assertThat(values.get("sexual-abuse-support-started"))
                .extracting(Indicators.Value::value, Indicators.Value::numerator, Indicators.Value::denominator,
                        Indicators.Value::met, Indicators.Value::target, Indicators.Value::source)
                .containsExactly(1.0, 1L, 1L, true, 1.0, "S2 A.II.2");
        assertThat(values.get("abuse-helped-in-time"))
                .extracting(Indicators.Value::value, Indicators.Value::numerator, Indicators.Value::denominator,
                        Indicators.Value::met)
                .containsExactly(0.5, 1L, 2L, false);
        assertThat(values.get("special-circumstances-assisted"))
                .extracting(Indicators.Value::value, Indicators.Value::target, Indicators.Value::source)
                .containsExactly(0.5, 0.98, "S4 I.2.a gạch 2");
        assertThat(values.get("informant-told-outcome"))
                .extracting(Indicators.Value::value, Indicators.Value::numerator, Indicators.Value::denominator)
                .containsExactly(1.0, 1L, 1L);
    }

    @Test
    void an_indicator_with_nothing_to_count_has_no_value_and_is_neither_met_nor_missed() {
        StatsFilter nothing = q1.withPeriod(ReportingPeriod.parse("2023").orElseThrow());
        assertThat(Indicators.compute(IndicatorData.catalog(), facts(all(), nothing), "89", NOW))
                .allSatisfy(v -> {
                    assertThat(v.value()).isNull();
                    assertThat(v.met()).isNull();
                    assertThat(v.denominator()).isZero();
                });
    }

    @Test
    void the_overview_counts_contacts_cases_statuses_and_notifications() {
        Overview overview = StatsCalculator.overview(facts(all(), q1), q1, NOW);

        assertThat(List.of(overview.reports(), overview.cases(), overview.referrals())).containsExactly(3L, 2L, 5L);
        assertThat(overview.casesByStatus()).containsEntry("COMPLETED", 1L).containsEntry("REFERRED", 1L)
                .containsEntry("RECORDED", 1L);
        assertThat(overview.byDistrict()).containsEntry("094", 2L).containsEntry("095", 1L);
        assertThat(List.of(overview.notificationsDelivered(), overview.notificationsFailed())).containsExactly(1L, 1L);
    }

    @Test
    void the_quarter_series_puts_the_case_received_at_23_30_on_31_march_in_q1() {
        Views.Timeseries series = StatsCalculator.timeseries(facts(all(), StatsFilter.NONE), Granularity.QUARTER);

        assertThat(series.buckets()).containsExactly(new Views.TimeseriesBucket("2024-Q1", 3, 1, 2, 2, 5, 1));
    }

    @Test
    void two_cases_in_one_district_are_a_repeat_place() {
        assertThat(StatsCalculator.repeats(facts(all(), q1)))
                .extracting(Views.RepeatRow::kind, Views.RepeatRow::key, Views.RepeatRow::cases)
                .containsExactly(org.assertj.core.api.Assertions.tuple("PLACE", "094", 2L));
    }

    @Test
    void the_agency_filter_keeps_its_cases_and_only_its_referrals() {
        StatsFilter police = new StatsFilter(q1.period(), "11", null, "POLICE", null);
        Overview overview = StatsCalculator.overview(facts(all(), police), police, NOW);

        assertThat(overview.cases()).isEqualTo(2);
        assertThat(overview.referrals()).isEqualTo(2);
        assertThat(overview.byAgency()).containsEntry("POLICE", 2L).containsEntry("HEALTH", 0L);
    }

    @Test
    void every_order_and_every_redelivery_of_the_events_gives_the_same_figures() {
        List<Event> shuffled = new ArrayList<>(all());
        Collections.reverse(shuffled);
        List<Event> twice = new ArrayList<>(all());
        twice.addAll(all());

        assertThat(StatsCalculator.funnel(facts(shuffled, q1), NOW))
                .isEqualTo(StatsCalculator.funnel(facts(all(), q1), NOW));
        assertThat(StatsCalculator.funnel(facts(twice, q1), NOW))
                .isEqualTo(StatsCalculator.funnel(facts(all(), q1), NOW));
        assertThat(StatsCalculator.overview(facts(shuffled, q1), q1, NOW))
                .isEqualTo(StatsCalculator.overview(facts(all(), q1), q1, NOW));
    }

    private static Map<String, Views.FunnelRow> byAgency(List<Views.FunnelRow> rows) {
        Map<String, Views.FunnelRow> map = new java.util.LinkedHashMap<>();
        rows.forEach(r -> map.put(r.agency(), r));
        return map;
    }
}
