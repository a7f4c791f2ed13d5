package vn.childprotection.platform.reporting.adapter.in.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.childprotection.platform.access.Actor;
import vn.childprotection.platform.access.Operation;
import vn.childprotection.platform.reporting.application.StatsService;
import vn.childprotection.platform.reporting.domain.Areas;
import vn.childprotection.platform.reporting.domain.Csv;
import vn.childprotection.platform.reporting.domain.Granularity;
import vn.childprotection.platform.reporting.domain.Indicators;
import vn.childprotection.platform.reporting.domain.Overview;
import vn.childprotection.platform.reporting.domain.StatsCalculator;
import vn.childprotection.platform.reporting.domain.StatsFilter;
import vn.childprotection.platform.reporting.domain.Views;
import vn.childprotection.platform.support.security.AccessGuard;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Statistics the sectors report to the standing agency (S0 Art 4.7, 9.4; S2 VIII.1): every view takes the common
 * filters and answers JSON, or CSV with {@code format=csv} / {@code Accept: text/csv}.
 */
@RestController
@RequestMapping("/api/v1/stats")
@Tag(name = "Statistics", description = "Figures computed from the case, referral and notification facts")
@ApiResponse(responseCode = "400", description = "A filter value is not usable; the body names every bad parameter",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "422", description = "The selection holds more facts than one computation may read "
        + "(reporting.stats.max-facts): narrow the period (from, to) or the place (province)",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "503", description = "Other figures are being computed; ask again after Retry-After seconds",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ProblemDetail.class)))
public class StatsController {

    private final StatsService stats;
    private final ProjectionStream stream;
    private final FigureAccess access;
    private final Areas areas;

    public StatsController(StatsService stats, ProjectionStream stream, AccessGuard guard, Areas areas) {
        this.stats = stats;
        this.stream = stream;
        this.areas = areas;
        this.access = new FigureAccess(guard, areas);
    }

    @GetMapping(path = "/overview", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @io.swagger.v3.oas.annotations.Operation(summary = "Headline figures",
            description = "Contacts (counselling, intervention), cases and referrals by agency, concern, severity, "
                    + "channel, province, district, commune, role and case status; open overdue referrals; "
                    + "notifications delivered and failed. Dates are Vietnamese calendar dates of the contact's "
                    + "reception; referrals are counted with their case. byProvince counts under the provinces of "
                    + "the map in force today (a merged province's former parts under it), byDistrict the days "
                    + "until 30 June 2025 (three-level map), byCommune the days from 1 July 2025 (two-level map).")
    public ResponseEntity<?> overview(Actor actor, @ParameterObject @ModelAttribute CommonParams params,
                                      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        StatsFilter filter = figures(actor, params, accept, Operation.READ_FIGURES);
        Overview overview = stats.overview(filter);
        return answer(actor, Operation.READ_FIGURES, params, accept, "overview", filter, overview, CsvViews::overview);
    }

    @GetMapping(path = "/timeseries", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @io.swagger.v3.oas.annotations.Operation(summary = "Figures per day, month, quarter, half-year or year",
            description = "Buckets of the reporting calendar in Asia/Ho_Chi_Minh (S0 Art 9.4), ascending; labels "
                    + "2026-11-23, 2026-11, 2026-Q4, 2026-H2, 2026. With a province, every bucket counts the "
                    + "province as it is today: the 2024 buckets of An Giang 91 hold the cases of the former "
                    + "An Giang 89 and Kiên Giang 91, so a trend across 1 July 2025 compares like with like.")
    public ResponseEntity<?> timeseries(Actor actor, @ParameterObject @ModelAttribute CommonParams params,
                                        @Parameter(description = "day (default), month, quarter, half, year")
                                        @RequestParam(name = "granularity", required = false) String granularity,
                                        @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        Granularity g = FilterParser.blank(granularity) ? Granularity.DAY
                : Granularity.parse(granularity).orElseThrow(() -> new InvalidParametersException(List.of(
                FilterParser.error("granularity", "must be day, month, quarter, half or year"))));
        StatsFilter filter = figures(actor, params, accept, Operation.READ_FIGURES);
        return answer(actor, Operation.READ_FIGURES, params, accept, "timeseries", filter, stats.timeseries(filter, g), CsvViews::timeseries);
    }

    @GetMapping(path = "/breakdown", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @io.swagger.v3.oas.annotations.Operation(summary = "Cases and referrals by one dimension",
            description = "Rows sorted by cases (descending), then key. For agency and role, cases = distinct cases "
                    + "with such a referral; otherwise intervention cases (contacts = every contact). Concerns carry "
                    + "their group: ART10 (Law on Children Art 10) or OTHER. Places: province = the province of the "
                    + "map in force today (former provinces under their successor); district = cases of days until "
                    + "30 June 2025; commune = cases of days from 1 July 2025; area = the district before and the "
                    + "commune after, with group DISTRICT or COMMUNE.")
    public ResponseEntity<?> breakdown(Actor actor, @ParameterObject @ModelAttribute CommonParams params,
                                       @Parameter(description = "province, district, commune, area, concern, agency, "
                                               + "role, severity, channel, contactType or status", required = true)
                                       @RequestParam(name = "by", required = false) String by,
                                       @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        StatsCalculator.Dimension dimension = dimension(by);
        StatsFilter filter = figures(actor, params, accept, Operation.READ_FIGURES);
        return answer(actor, Operation.READ_FIGURES, params, accept, "breakdown-" + by, filter, stats.breakdown(filter, dimension),
                CsvViews::breakdown);
    }

    @GetMapping(path = "/funnel", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @io.swagger.v3.oas.annotations.Operation(summary = "Referral funnel and timeliness per agency",
            description = "issued → acknowledged (any answer) → accepted → completed, declined and forwarded with "
                    + "reason codes (S0 Art 7.2); time to acknowledge, accept and complete from issue (median, 90th "
                    + "percentile, minutes); share met on time per deadline (acknowledgement: policy default; "
                    + "emergency measures: Decree 56/2017 Art 26.3; support plan: Art 28.1) among those due; open "
                    + "overdue referrals.")
    public ResponseEntity<?> funnel(Actor actor, @ParameterObject @ModelAttribute CommonParams params,
                                    @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        StatsFilter filter = figures(actor, params, accept, Operation.READ_FIGURES);
        List<Views.FunnelRow> rows = stats.funnel(filter);
        return answer(actor, Operation.READ_FIGURES, params, accept, "funnel", filter, Map.of("rows", rows), body -> CsvViews.funnel(rows));
    }

    @GetMapping(path = "/indicators", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @io.swagger.v3.oas.annotations.Operation(summary = "Indicators against the seeds' targets",
            description = "Each with its target and source clause (data: reporting/indicators.json), e.g. share of "
                    + "detected sexual-abuse cases with support started (100%, S2 A.II.2), abuse cases helped in "
                    + "time (100%, S4 I.2.a), informants told the outcome (S0 Art 7.2). value null when the "
                    + "denominator is 0. The province filter selects the province's own target.")
    public ResponseEntity<?> indicators(Actor actor, @ParameterObject @ModelAttribute CommonParams params,
                                        @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        StatsFilter filter = figures(actor, params, accept, Operation.READ_FIGURES);
        List<Indicators.Value> values = stats.indicators(filter);
        return answer(actor, Operation.READ_FIGURES, params, accept, "indicators", filter, Map.of("indicators", values),
                body -> CsvViews.indicators(values));
    }

    @GetMapping(path = "/overdue", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @io.swagger.v3.oas.annotations.Operation(summary = "Open overdue referrals",
            description = "Open referrals whose deadline passed unmet, most overdue first; stage as the deadline "
                    + "watchdog reported it (REMINDER, ESCALATED), null before it did.")
    public ResponseEntity<?> overdue(Actor actor, @ParameterObject @ModelAttribute CommonParams params,
                                     @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        StatsFilter filter = figures(actor, params, accept, Operation.READ_OVERDUE);
        List<Views.OverdueRow> rows = stats.overdue(filter);
        return answer(actor, Operation.READ_OVERDUE, params, accept, "overdue", filter, Map.of("rows", rows), body -> CsvViews.overdue(rows));
    }

    @GetMapping(path = "/repeats", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @io.swagger.v3.oas.annotations.Operation(summary = "Repeat reports about the same child or place",
            description = "Two or more cases in the period: CHILD by the CaseOpened childKey pseudonym, PLACE by the "
                    + "commune code, else the district.")
    public ResponseEntity<?> repeats(Actor actor, @ParameterObject @ModelAttribute CommonParams params,
                                     @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        StatsFilter filter = figures(actor, params, accept, Operation.READ_CASE);
        List<Views.RepeatRow> rows = stats.repeats(filter);
        return answer(actor, Operation.READ_CASE, params, accept, "repeats", filter, Map.of("rows", rows), body -> CsvViews.repeats(rows));
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @io.swagger.v3.oas.annotations.Operation(summary = "Live notice that the figures changed",
            description = "Server-sent events: 'projection-changed' with {at, eventsApplied}, debounced (at most "
                    + "about 2 per second); a comment heartbeat every 15 s. At most reporting.stream.max-subscribers "
                    + "streams at once (then 503 with Retry-After), each ended after reporting.stream.timeout; a "
                    + "subscriber that falls reporting.stream.queue-capacity events behind is closed.")
    public SseEmitter stream(Actor actor) {
        access.requireRole(actor, Operation.READ_FIGURES);
        return stream.subscribe();
    }

    /**
     * The caller's figures filter: a CSV of figures is an export; the overdue list (referral ids) and the repeats
     * (pseudonyms) are reads of their own operation.
     */
    private StatsFilter figures(Actor actor, CommonParams params, String accept, Operation read) {
        Operation operation = params.csv(accept) && read == Operation.READ_FIGURES ? Operation.EXPORT_FIGURES : read;
        return access.filter(actor, operation, () -> params.filter(areas));
    }

    private static StatsCalculator.Dimension dimension(String by) {
        if (FilterParser.blank(by)) {
            throw new InvalidParametersException(List.of(FilterParser.error("by", "is required")));
        }
        String normalised = by.trim().equals("contactType") ? "CONTACT_TYPE" : by.trim().toUpperCase(Locale.ROOT);
        try {
            return StatsCalculator.Dimension.valueOf(normalised);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidParametersException(List.of(FilterParser.error("by", "must be province, district, "
                    + "commune, area, concern, agency, role, severity, channel, contactType or status")));
        }
    }

    private <T> ResponseEntity<?> answer(Actor actor, Operation read, CommonParams params, String accept, String view,
                                         StatsFilter filter, T body, Function<T, Csv> csv) {
        boolean export = params.csv(accept);
        if (export || read != Operation.READ_FIGURES) {
            access.recorded(actor, export && read == Operation.READ_FIGURES ? Operation.EXPORT_FIGURES : read);
        }
        if (export) {
            return CsvViews.attachment(view, filter.periodLabel(), csv.apply(body));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
