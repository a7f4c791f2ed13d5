package vn.childprotection.platform.reporting.adapter.in.web;

import io.swagger.v3.oas.annotations.Parameter;
import vn.childprotection.platform.reporting.domain.Areas;
import vn.childprotection.platform.reporting.domain.StatsFilter;

/** The filters every statistics view and CSV export takes (reporting API contract, "Common filters"). */
public record CommonParams(
        @Parameter(description = "Reporting period (Asia/Ho_Chi_Minh): 2026, 2026-H1, 2026-Q4, 2026-11 or "
                + "2026-11-23; not with from/to", example = "2026-Q4")
        String period,
        @Parameter(description = "First reception date included (yyyy-MM-dd, Asia/Ho_Chi_Minh)")
        String from,
        @Parameter(description = "Last reception date included (yyyy-MM-dd, Asia/Ho_Chi_Minh)")
        String to,
        @Parameter(description = "GSO province code (2 digits) of the map in force today (34 provinces from "
                + "1 July 2025); a province of the earlier map is read as the province it became part of (89 → 91). "
                + "Every figure counts a merged province's former parts under it, on every day", example = "91")
        String province,
        @Parameter(description = "GSO district code (3 digits) of the map with districts: cases of days until "
                + "30 June 2025 (districts were abolished on 1 July 2025); implies its province", example = "094")
        String district,
        @Parameter(description = "GSO commune code (5 digits) of the map in force today: cases of days from "
                + "1 July 2025; implies its province; not with district", example = "03127")
        String commune,
        @Parameter(description = "Agency code: cases with a referral to it, and only its referrals", example = "POLICE")
        String agency,
        @Parameter(description = "Concern code", example = "SEXUAL_ABUSE")
        String concern,
        @Parameter(description = "csv for a CSV export (UTF-8 with BOM); JSON otherwise")
        String format) {

    StatsFilter filter(Areas areas) {
        return FilterParser.parse(areas, period, from, to, province, district, commune, agency, concern);
    }

    boolean csv(String accept) {
        return "csv".equalsIgnoreCase(format)
                || (format == null && accept != null && accept.contains("text/csv"));
    }
}
