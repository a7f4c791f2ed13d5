package vn.childprotection.platform.reporting.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ReportingPeriodTest {

    @Test
    void every_label_of_the_reporting_calendar_names_its_dates() {
        assertThat(ReportingPeriod.parse("2026").orElseThrow())
                .extracting(ReportingPeriod::from, ReportingPeriod::to)
                .containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        assertThat(ReportingPeriod.parse("2026-H1").orElseThrow())
                .extracting(ReportingPeriod::from, ReportingPeriod::to)
                .containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));
        assertThat(ReportingPeriod.parse("2026-H2").orElseThrow().from()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(ReportingPeriod.parse("2026-Q4").orElseThrow())
                .extracting(ReportingPeriod::from, ReportingPeriod::to)
                .containsExactly(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31));
        assertThat(ReportingPeriod.parse("2028-02").orElseThrow().to()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(ReportingPeriod.parse("2026-11-23").orElseThrow().kind()).isEqualTo(Granularity.DAY);
    }

    @Test
    void labels_that_name_no_period_are_refused() {
        for (String bad : new String[]{"2026-Q5", "2026-H3", "2026-13", "2026-02-30", "26", "Q4-2026", ""}) {
            assertThat(ReportingPeriod.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void a_case_received_at_23_30_local_on_the_last_day_of_a_quarter_belongs_to_that_quarter() {
        Instant received = OffsetDateTime.of(2026, 3, 31, 23, 30, 0, 0, ZoneOffset.ofHours(7)).toInstant();
        LocalDate date = ReportingCalendar.dateOf(received);

        assertThat(received.toString()).startsWith("2026-03-31T16:30");
        assertThat(ReportingPeriod.parse("2026-Q1").orElseThrow().contains(date)).isTrue();
        assertThat(ReportingPeriod.parse("2026-Q2").orElseThrow().contains(date)).isFalse();
        assertThat(Granularity.QUARTER.label(date)).isEqualTo("2026-Q1");
    }

    @Test
    void a_case_received_at_23_30_utc_on_the_last_day_of_a_quarter_belongs_to_the_next_one_in_viet_nam() {
        Instant received = Instant.parse("2026-06-30T23:30:00Z");
        LocalDate date = ReportingCalendar.dateOf(received);

        assertThat(date).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(Granularity.QUARTER.label(date)).isEqualTo("2026-Q3");
        assertThat(Granularity.HALF.label(date)).isEqualTo("2026-H2");
        assertThat(Granularity.MONTH.label(date)).isEqualTo("2026-07");
        assertThat(Granularity.YEAR.label(date)).isEqualTo("2026");
        assertThat(Granularity.DAY.label(date)).isEqualTo("2026-07-01");
    }
}
