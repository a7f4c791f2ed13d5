package vn.childprotection.platform.reporting.adapter.in.web;

import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.reporting.domain.Areas;
import vn.childprotection.platform.reporting.domain.ReportingPeriod;
import vn.childprotection.platform.reporting.domain.StatsFilter;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the common filters (reporting API contract), naming every bad one; a blank parameter counts as absent. The
 * place is read on the administrative maps ({@link Areas}): {@code province} is a province of the latest map, or of
 * an earlier one, then read as the province it became part of ({@code 89} → {@code 91}); {@code district} a district
 * of the three-level map (days until 30 June 2025); {@code commune} a commune of the latest map (days from
 * 1 July 2025). A district or commune without a province implies its province; one in another province is refused.
 */
final class FilterParser {

    /** GSO province codes are two digits (both the 63-province list and the 2025 34-province list). */
    static final Pattern PROVINCE = Pattern.compile("[0-9]{2}");
    static final Pattern DISTRICT = Pattern.compile("[0-9]{3}");
    static final Pattern COMMUNE = Pattern.compile("[0-9]{5}");
    static final Pattern AGENCY = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    private FilterParser() {
    }

    static StatsFilter parse(Areas areas, String period, String from, String to, String province, String district,
                             String commune, String agency, String concern) {
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
        String provinceCode = province(areas, province, errors);
        String districtCode = code("district", district, DISTRICT, "a three-digit GSO district code, e.g. 094",
                errors);
        String communeCode = code("commune", commune, COMMUNE, "a five-digit GSO commune code, e.g. 03127", errors);
        String latestMap = areas.latest().version();
        if (districtCode != null) {
            String of = areas.provinceOfDistrict(districtCode).orElse(null);
            if (of == null) {
                errors.add(error("district", "is no district of the maps with districts (until "
                        + areas.lastDayWithDistricts() + ")"));
                districtCode = null;
            } else if (provinceCode != null && !provinceCode.equals(of)) {
                errors.add(error("district", "is not in province " + provinceCode + " (it is in " + of
                        + " on map " + latestMap + ")"));
            } else if (provinceCode == null && noErrorOn("province", errors)) {
                provinceCode = of;
            }
        }
        if (communeCode != null) {
            String of = areas.provinceOfCommune(communeCode).orElse(null);
            if (of == null) {
                errors.add(error("commune", "is no commune of map " + latestMap));
            } else if (districtCode != null) {
                errors.add(error("commune", "give a district (days until " + areas.lastDayWithDistricts()
                        + ") or a commune (days from " + areas.firstDayWithoutDistricts() + "), not both"));
            } else if (provinceCode != null && !provinceCode.equals(of)) {
                errors.add(error("commune", "is not in province " + provinceCode + " (it is in " + of
                        + " on map " + latestMap + ")"));
            } else if (provinceCode == null && noErrorOn("province", errors)) {
                provinceCode = of;
            }
        }
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
        return new StatsFilter(reportingPeriod, provinceCode, districtCode, communeCode, agencyCode, concernCode);
    }

    /** A province as the figures read it: of the latest map, an earlier map's code as its successor. */
    static String province(Areas areas, String value, List<InvalidParametersException.FieldError> errors) {
        String code = code("province", value, PROVINCE, "a two-digit GSO province code, e.g. 11", errors);
        if (code == null) {
            return null;
        }
        String latest = areas.provinceOnLatestMap(code).orElse(null);
        if (latest == null) {
            errors.add(error("province", "is no province of map " + areas.latest().version()
                    + " nor of an earlier map"));
        }
        return latest;
    }

    /** True when no error names the field (a province given but refused is not replaced by one implied). */
    private static boolean noErrorOn(String field, List<InvalidParametersException.FieldError> errors) {
        return errors.stream().noneMatch(e -> e.field().equals(field));
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
