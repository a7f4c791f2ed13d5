package vn.childprotection.platform.reporting.adapter.in.web;

import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.reporting.domain.ReportingPeriod;
import vn.childprotection.platform.reporting.domain.StatsFilter;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads the common filters (reporting API contract), naming every bad one; a blank parameter counts as absent. */
final class FilterParser {

    /** GSO province codes are two digits (both the 63-province list and the 2025 34-province list). */
    static final Pattern PROVINCE = Pattern.compile("[0-9]{2}");
    static final Pattern DISTRICT = Pattern.compile("[0-9]{3}");
    static final Pattern AGENCY = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    private FilterParser() {
    }

    static StatsFilter parse(String period, String from, String to, String province, String district,
                             String agency, String concern) {
        List<InvalidParametersException.FieldError> errors = new ArrayList<>();
        ReportingPeriod reportingPeriod = null;
        if (!blank(period)) {
            if (!blank(from) || !blank(to)) {
                errors.add(error("period", "give either 'period' or 'from'/'to', not both"));
            }
            reportingPeriod = ReportingPeriod.parse(period).orElse(null);
            if (reportingPeriod == null) {
                errors.add(error("period", "must be 2026, 2026-H1, 2026-Q4, 2026-11 or 2026-11-23"));
            }
        } else {
            LocalDate fromDate = date("from", from, errors);
            LocalDate toDate = date("to", to, errors);
            if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
                errors.add(error("from", "must not be after 'to'"));
            } else if (fromDate != null || toDate != null) {
                reportingPeriod = ReportingPeriod.range(fromDate == null ? LocalDate.of(1900, 1, 1) : fromDate,
                        toDate == null ? LocalDate.of(9999, 12, 31) : toDate);
            }
        }
        String provinceCode = code("province", province, PROVINCE, "a two-digit GSO province code, e.g. 11", errors);
        String districtCode = code("district", district, DISTRICT, "a three-digit GSO district code, e.g. 094",
                errors);
        String agencyCode = code("agency", agency, AGENCY, "an agency code, e.g. POLICE", errors);
        Concern concernCode = null;
        if (!blank(concern)) {
            try {
                concernCode = Concern.valueOf(concern.trim());
            } catch (IllegalArgumentException unknown) {
                errors.add(error("concern", "must be a concern code, e.g. SEXUAL_ABUSE"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidParametersException(errors);
        }
        return new StatsFilter(reportingPeriod, provinceCode, districtCode, agencyCode, concernCode);
    }

    static String code(String name, String value, Pattern pattern, String expected,
                       List<InvalidParametersException.FieldError> errors) {
        if (blank(value)) {
            return null;
        }
        String code = value.trim();
        if (!pattern.matcher(code).matches()) {
            errors.add(error(name, "must be " + expected));
            return null;
        }
        return code;
    }

    private static LocalDate date(String name, String value, List<InvalidParametersException.FieldError> errors) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(error(name, "must be an ISO date (yyyy-MM-dd)"));
            return null;
        }
    }

    static InvalidParametersException.FieldError error(String field, String message) {
        return new InvalidParametersException.FieldError(field, message);
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
