package vn.childprotection.platform.reporting.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.platform.access.Actor;
import vn.childprotection.platform.reporting.application.StatsService;
import vn.childprotection.platform.reporting.domain.Areas;
import vn.childprotection.platform.reporting.domain.ReportCalendar;
import vn.childprotection.platform.reporting.domain.ReportingPeriod;
import vn.childprotection.platform.support.security.AccessGuard;
import vn.childprotection.platform.support.security.SecurityHeaders;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static vn.childprotection.platform.access.Operation.EXPORT_FIGURES;
import static vn.childprotection.platform.access.Operation.READ_FIGURES;

/** The periodic reports (S0 Art 4.7, 9.4; S2 B.VIII.1; S4 V) and their calendar. */
@RestController
@Tag(name = "Reports", description = "Periodic reports and the reporting calendar")
public class ReportsController {

    private final StatsService stats;
    private final FigureAccess access;
    private final Areas areas;

    public ReportsController(StatsService stats, AccessGuard guard, Areas areas) {
        this.stats = stats;
        this.areas = areas;
        this.access = new FigureAccess(guard, areas);
    }

    public record CalendarResponse(String province, int year, List<ReportCalendar.DueReport> reports) {
    }

    @GetMapping(path = "/api/v1/reports/calendar", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Which periodic report is due when, per the province's regulation",
            description = "Data (reporting/reporting-calendar.json) with source clauses; provinces without their "
                    + "own dated calendar get the national policy default (policyDefault true); inferred marks "
                    + "dates not printed in the source.")
    public CalendarResponse calendar(
            Actor actor,
            @Parameter(description = "GSO province code", example = "11") @RequestParam(required = false)
            String province,
            @Parameter(description = "Year", example = "2026") @RequestParam(required = false) String year) {
        List<InvalidParametersException.FieldError> errors = new ArrayList<>();
        String code = required("province", province, errors);
        if (code != null) code = FilterParser.code("province", code, FilterParser.PROVINCE,
                "a two-digit GSO province code, e.g. 11", errors);
        access.requireRole(actor, READ_FIGURES);
        int y = year(year, errors);
        if (!errors.isEmpty()) throw new InvalidParametersException(errors);
        access.province(actor, READ_FIGURES, code);
        return new CalendarResponse(code, y, stats.calendar(code, y));
    }

    @GetMapping(path = "/api/v1/reports/periodic", produces = {MediaType.TEXT_HTML_VALUE, "text/csv"})
    @Operation(summary = "The periodic report of a province for a quarter, half-year or year",
            description = "Printable HTML (A4, Vietnamese) or CSV (UTF-8 with BOM): totals, breakdowns by place "
                    + "(district for the days until 30 June 2025, commune for the days from 1 July 2025: a period "
                    + "across the change has both), concern, agency, severity and channel, indicators against "
                    + "targets, funnel and timeliness, open overdue referrals; header with the province, period, "
                    + "generation time and sources. The province is one of the map in force today, its former "
                    + "parts included on every day of the period.")
    public ResponseEntity<byte[]> periodic(
            Actor actor,
            @Parameter(description = "GSO province code of the map in force today; a province of the earlier map is "
                    + "read as the province it became part of (89 → 91)", example = "11")
            @RequestParam(required = false)
            String province,
            @Parameter(description = "2026-Q4, 2026-H1 or 2026", example = "2026-Q4") @RequestParam(required = false)
            String period,
            @Parameter(description = "html (default) or csv") @RequestParam(required = false) String format) {
        access.requireRole(actor, EXPORT_FIGURES);
        List<InvalidParametersException.FieldError> errors = new ArrayList<>();
        String code = required("province", province, errors);
        if (code != null) code = FilterParser.province(areas, code, errors);
        ReportingPeriod reportingPeriod = null;
        if (required("period", period, errors) != null) {
            reportingPeriod = ReportingPeriod.parse(period).filter(ReportingPeriod::isReportingPeriod).orElse(null);
            if (reportingPeriod == null) {
                errors.add(FilterParser.error("period", "must be a quarter, half-year or year: 2026-Q4, 2026-H1, 2026"));
            }
        }
        boolean csv = "csv".equalsIgnoreCase(format);
        if (!FilterParser.blank(format) && !csv && !"html".equalsIgnoreCase(format)) {
            errors.add(FilterParser.error("format", "must be html or csv"));
        }
        if (!errors.isEmpty()) throw new InvalidParametersException(errors);
        access.province(actor, EXPORT_FIGURES, code);
        StatsService.PeriodicReport report = stats.periodic(code, reportingPeriod);
        access.recorded(actor, EXPORT_FIGURES);
        if (csv) {
            return CsvViews.attachment("periodic-" + code, reportingPeriod.label(), PeriodicReportView.csv(report));
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .header("Content-Security-Policy", SecurityHeaders.DOCUMENT_POLICY)
                .body(PeriodicReportView.html(report).getBytes(StandardCharsets.UTF_8));
    }

    private static String required(String name, String value, List<InvalidParametersException.FieldError> errors) {
        if (FilterParser.blank(value)) {
            errors.add(FilterParser.error(name, "is required"));
            return null;
        }
        return value.trim();
    }

    private static int year(String value, List<InvalidParametersException.FieldError> errors) {
        if (FilterParser.blank(value)) {
            return java.time.LocalDate.now(vn.childprotection.platform.reporting.domain.ReportingCalendar.ZONE)
                    .getYear();
        }
        if (!value.trim().matches("\\d{4}")) {
            errors.add(FilterParser.error("year", "must be a year, e.g. 2026"));
            return 0;
        }
        return Integer.parseInt(value.trim());
    }
}
