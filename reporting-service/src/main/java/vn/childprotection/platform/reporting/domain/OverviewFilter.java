package vn.childprotection.platform.reporting.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Which cases the figures cover: received on or after {@code from} and on or before {@code to} (Vietnamese calendar
 * dates, {@link ReportingCalendar}), in {@code province} (GSO code). Every part is optional.
 */
public record OverviewFilter(LocalDate from, LocalDate to, String province) {

    public static final OverviewFilter NONE = new OverviewFilter(null, null, null);

    public OverviewFilter {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from is after to");
        }
        if (province != null && province.isBlank()) {
            province = null;
        }
    }

    public Optional<LocalDate> fromDate() {
        return Optional.ofNullable(from);
    }

    public Optional<LocalDate> toDate() {
        return Optional.ofNullable(to);
    }

    public Optional<String> provinceCode() {
        return Optional.ofNullable(province);
    }
}
