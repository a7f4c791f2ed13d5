package vn.childprotection.platform.reporting.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period of the reporting calendar as Vietnamese calendar dates, both ends included (S0 Art 9.4, S2 VIII.1):
 * {@code 2026} (year), {@code 2026-H1} (half-year), {@code 2026-Q4} (quarter), {@code 2026-11} (month),
 * {@code 2026-11-23} (day), or any range. A case belongs to a period by the Asia/Ho_Chi_Minh date of its reception
 * ({@link ReportingCalendar#dateOf}).
 */
public record ReportingPeriod(Granularity kind, LocalDate from, LocalDate to, String label) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-[Hh]([12])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public ReportingPeriod {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from is after to");
        }
    }

    /** The period a label names, or empty when it names none. */
    public static Optional<ReportingPeriod> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        try {
            Matcher m;
            if ((m = YEAR.matcher(v)).matches()) {
                int year = Integer.parseInt(m.group(1));
                return Optional.of(new ReportingPeriod(Granularity.YEAR, LocalDate.of(year, 1, 1),
                        LocalDate.of(year, 12, 31), v));
            }
            if ((m = HALF.matcher(v)).matches()) {
                int year = Integer.parseInt(m.group(1));
                int half = Integer.parseInt(m.group(2));
                LocalDate from = LocalDate.of(year, half == 1 ? 1 : 7, 1);
                return Optional.of(new ReportingPeriod(Granularity.HALF, from, from.plusMonths(6).minusDays(1),
                        year + "-H" + half));
            }
            if ((m = QUARTER.matcher(v)).matches()) {
                int year = Integer.parseInt(m.group(1));
                int quarter = Integer.parseInt(m.group(2));
                LocalDate from = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
                return Optional.of(new ReportingPeriod(Granularity.QUARTER, from, from.plusMonths(3).minusDays(1),
                        year + "-Q" + quarter));
            }
            if ((m = MONTH.matcher(v)).matches()) {
                YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                return Optional.of(new ReportingPeriod(Granularity.MONTH, month.atDay(1), month.atEndOfMonth(), v));
            }
            if (DAY.matcher(v).matches()) {
                LocalDate day = LocalDate.parse(v);
                return Optional.of(new ReportingPeriod(Granularity.DAY, day, day, v));
            }
        } catch (DateTimeException invalid) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** A free range of dates, labelled {@code from_to}. */
    public static ReportingPeriod range(LocalDate from, LocalDate to) {
        return new ReportingPeriod(null, from, to, from + "_" + to);
    }

    public boolean contains(LocalDate date) {
        return date != null && !date.isBefore(from) && !date.isAfter(to);
    }

    /** True for the periods a periodic report covers: quarter, half-year, year (S0 Art 9.4). */
    public boolean isReportingPeriod() {
        return kind == Granularity.QUARTER || kind == Granularity.HALF || kind == Granularity.YEAR;
    }
}
