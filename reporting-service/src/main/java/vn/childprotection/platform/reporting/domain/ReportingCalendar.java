package vn.childprotection.platform.reporting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Figures are reported by Vietnamese calendar date (S0 Art 9.4, S2 VIII.1 reporting calendar): a report received
 * at 23:30 UTC belongs to the next day in Asia/Ho_Chi_Minh. Periods (quarters, half-years) grow from this date.
 */
public final class ReportingCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private ReportingCalendar() {
    }

    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** The first instant of {@code date} in Viet Nam. */
    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }
}
