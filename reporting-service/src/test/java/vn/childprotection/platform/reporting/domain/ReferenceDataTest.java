package vn.childprotection.platform.reporting.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The data files (targets with sources, the reporting calendar) load and are refused when wrong. */
class ReferenceDataTest {

    @Test
    void every_indicator_has_a_general_target_and_cites_its_source() {
        assertThat(IndicatorData.catalog().indicators()).extracting(Indicators.Definition::id)
                .contains("sexual-abuse-support-started", "abuse-helped-in-time", "informant-told-outcome");
        assertThat(IndicatorData.catalog().indicators().getFirst().targetFor("89").source()).isEqualTo("S2 A.II.2");
    }

    @Test
    void an_indicator_without_a_source_or_with_a_target_over_100_percent_is_refused() {
        Indicators.Catalog bad = new Indicators.Catalog(List.of(new Indicators.Definition("x-y-z",
                Indicators.Formula.SUPPORT_STARTED, java.util.Set.of(vn.childprotection.platform.contracts.Concern
                .VIOLENCE), null, "share", java.util.Map.of("vi", "a", "en", "b"),
                List.of(new Indicators.Target("*", 1.5, ">=", " ", null, null, false)))));

        assertThat(Indicators.problems(bad)).containsExactly("indicator x-y-z: target must be a share 0..1",
                "indicator x-y-z: every target cites its source");
    }

    @Test
    void dien_bien_s_quarter_report_is_due_before_15_december_per_s0_art_9_4() {
        List<ReportCalendar.DueReport> due = IndicatorData.calendar().dueIn("11", 2026);

        assertThat(due).filteredOn(d -> d.period().equals("2026-Q4") && d.source().equals("S0 Art 9.4"))
                .singleElement().satisfies(d -> {
                    assertThat(d.dueDate()).isEqualTo(LocalDate.of(2026, 12, 15));
                    assertThat(d.inferred()).isTrue();
                });
        assertThat(due).filteredOn(d -> d.period().equals("2026") && d.source().equals("S4 V"))
                .extracting(ReportCalendar.DueReport::dueDate).containsExactly(LocalDate.of(2026, 11, 20));
    }

    @Test
    void an_giang_reports_earlier_and_a_province_without_dates_gets_the_national_policy_default() {
        assertThat(IndicatorData.calendar().dueIn("89", 2026)).filteredOn(d -> d.kind().equals("YEAR"))
                .extracting(ReportCalendar.DueReport::dueDate).containsExactly(LocalDate.of(2026, 11, 15));
        assertThat(IndicatorData.calendar().dueIn("06", 2026)).allMatch(ReportCalendar.DueReport::policyDefault)
                .isNotEmpty();
    }

    @Test
    void a_calendar_entry_with_a_date_that_is_no_date_is_refused() {
        ReportCalendar bad = new ReportCalendar(java.util.Map.of(), new ReportCalendar.Province("n", true, List.of(
                new ReportCalendar.Entry("X", "QUARTER", java.util.Map.of("Q1", "02-30", "H1", "06-15"), null,
                        "before", "S0 Art 9.4", null, null, "province", null))));

        assertThat(bad.problems()).hasSize(2);
    }
}
