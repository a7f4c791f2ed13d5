package vn.childprotection.platform.reporting.adapter.in.web;

import vn.childprotection.platform.reporting.domain.OverviewFilter;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads the overview's query parameters, naming every bad one; a blank parameter counts as absent. */
final class OverviewFilterParser {

    /** GSO province codes are two digits (both the 63-province list and the 2025 34-province list). */
    private static final Pattern PROVINCE = Pattern.compile("[0-9]{2}");

    private OverviewFilterParser() {
    }

    static OverviewFilter parse(String from, String to, String province) {
        List<InvalidParametersException.FieldError> errors = new ArrayList<>();
        LocalDate fromDate = date("from", from, errors);
        LocalDate toDate = date("to", to, errors);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            errors.add(new InvalidParametersException.FieldError("from", "must not be after 'to'"));
        }
        String provinceCode = blank(province) ? null : province.trim();
        if (provinceCode != null && !PROVINCE.matcher(provinceCode).matches()) {
            errors.add(new InvalidParametersException.FieldError("province",
                    "must be a two-digit GSO province code, e.g. 11"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidParametersException(errors);
        }
        return new OverviewFilter(fromDate, toDate, provinceCode);
    }

    private static LocalDate date(String name, String value, List<InvalidParametersException.FieldError> errors) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new InvalidParametersException.FieldError(name, "must be an ISO date (yyyy-MM-dd)"));
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
