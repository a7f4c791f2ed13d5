package vn.childprotection.platform.reporting.domain;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * Buckets of the reporting calendar (S0 Art 9.4: quarterly, 6-monthly, yearly), over Vietnamese calendar dates.
 * Labels sort in time order as strings: {@code 2026-11-23}, {@code 2026-11}, {@code 2026-Q4}, {@code 2026-H2},
 * {@code 2026}.
 */
public enum Granularity {
    DAY, MONTH, QUARTER, HALF, YEAR;

    public String label(LocalDate date) {
        return switch (this) {
            case DAY -> date.toString();
            case MONTH -> String.format(Locale.ROOT, "%04d-%02d", date.getYear(), date.getMonthValue());
            case QUARTER -> date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
            case HALF -> date.getYear() + "-H" + (date.getMonthValue() <= 6 ? 1 : 2);
            case YEAR -> String.valueOf(date.getYear());
        };
    }

    /** {@code day}, {@code month}, {@code quarter}, {@code half} (or {@code half-year}), {@code year}. */
    public static Optional<Granularity> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "day" -> Optional.of(DAY);
            case "month" -> Optional.of(MONTH);
            case "quarter" -> Optional.of(QUARTER);
            case "half", "half-year", "halfyear" -> Optional.of(HALF);
            case "year" -> Optional.of(YEAR);
            default -> Optional.empty();
        };
    }
}
