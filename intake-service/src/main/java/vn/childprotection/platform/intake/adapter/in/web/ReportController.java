package vn.childprotection.platform.intake.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.platform.access.Actor;
import vn.childprotection.platform.access.Target;
import vn.childprotection.platform.contracts.Ids;
import vn.childprotection.platform.intake.application.port.in.SubmitReportUseCase;
import vn.childprotection.platform.intake.config.IntakeProperties;
import vn.childprotection.platform.intake.domain.PlacedLocation;
import vn.childprotection.platform.intake.domain.ReportDraft;
import vn.childprotection.platform.intake.domain.ReportPolicy;
import vn.childprotection.platform.intake.domain.Violation;
import vn.childprotection.platform.support.audit.AuditIds;
import vn.childprotection.platform.support.security.AccessGuard;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import static vn.childprotection.platform.access.Operation.SUBMIT_REPORT;

/**
 * {@code POST /api/v1/reports}: a hotline operator submits a report for a province the hotline serves (the
 * credential's provinces; the national line 111 serves all). Every submission is an audit record, made durable before
 * the report is published (a report never reaches its topic without it); one that then fails gets a second record.
 */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "Hotline reports (Tổng đài 111 and local lines)")
public class ReportController {

    private static final Logger log = LoggerFactory.getLogger(ReportController.class);
    private static final String PROBLEM = "application/problem+json";

    private final SubmitReportUseCase submitReport;
    private final ReportPolicy policy;
    private final RequestBodies bodies;
    private final IntakeMetrics metrics;
    private final AccessGuard guard;
    private final RefusalLog refusals = new RefusalLog(log, Clock.systemUTC(), 10_000);

    public ReportController(SubmitReportUseCase submitReport, ReportPolicy policy, IntakeProperties properties,
                            IntakeMetrics metrics, AccessGuard guard) {
        this.submitReport = submitReport;
        this.guard = guard;
        this.policy = policy;
        this.bodies = new RequestBodies(properties.maxBodySize().toBytes());
        this.metrics = metrics;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit a report",
            description = """
                    A 202 means the report is durably on intake.reports.v1 (acks=all) and will be routed; an \
                    EMERGENCY report on intake.reports.urgent.v1, a lane of its own that is never queued behind \
                    other reports. \
                    reportId is the caller's idempotency key: the same report again returns the same caseId and \
                    creates nothing; another report under the same reportId is a 409. Every bad field is named \
                    in a 400 (application/problem+json). A 503 with Retry-After means the report could not be \
                    made durable now: keep it and send it again. \
                    The location's codes are read on the administrative map in force on the day of receivedAt \
                    (in Vietnam): the three-level map VN-2024 until 30 June 2025, the two-level map VN-2025 (34 \
                    provinces, 3,321 communes, wards and special zones, no districts) from 1 July 2025, and \
                    VN-2026-04 from 30 April 2026 (ten communes of Đồng Nai became wards, the codes kept). Codes of \
                    the other map (a district, a merged province, a commune code a new unit kept) are mapped \
                    rather than refused, and the 202 says where the report was placed and what was done; only \
                    codes that name no place on either map, or places that do not fit together, are a 400.""",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ReportRequestSchema.class),
                    examples = {
                            @ExampleObject(name = "Xâm hại tình dục, Điện Biên Phủ (Vietnamese)",
                                    summary = "An intervention request from the 111 hotline", value = ApiExamples.REPORT_VI),
                            @ExampleObject(name = "Anonymous counselling, Hà Nội",
                                    summary = "No names, no phone; province and commune only",
                                    value = ApiExamples.REPORT_ANONYMOUS),
                            @ExampleObject(name = "A district named after 1 July 2025, Điện Biên Phủ",
                                    summary = "Old three-level codes for a day of the two-level map: read on the "
                                            + "old map and mapped (see the 202 example 'mapped')",
                                    value = ApiExamples.REPORT_WITH_DISTRICT)})),
            responses = {
                    @ApiResponse(responseCode = "202", description = "Durably on intake.reports.v1 (EMERGENCY: "
                            + "intake.reports.urgent.v1); the case id is final. placement says on which map the "
                            + "location was placed, where (the codes published and routed on) and, when the codes "
                            + "were mapped, the codes as given and what was done. "
                            + "The same report sent again gets the same answer.",
                            content = @Content(mediaType = "application/json",
                                    schema = @Schema(implementation = ReportResponse.class),
                                    examples = {
                                            @ExampleObject(name = "accepted", summary = "Codes of the map of the day",
                                                    value = ApiExamples.ACCEPTED),
                                            @ExampleObject(name = "mapped", summary = "A district named after "
                                                    + "1 July 2025, mapped", value = ApiExamples.ACCEPTED_MAPPED)})),
                    @ApiResponse(responseCode = "400", description = "Not a valid report: every bad field in errors[] "
                            + "(field as a JSON path, message); rejected values are never echoed",
                            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemSchema.class),
                                    examples = {
                                            @ExampleObject(name = "invalid fields", value = ApiExamples.INVALID),
                                            @ExampleObject(name = "codes of no place", value = ApiExamples.INVALID_AREA),
                                            @ExampleObject(name = "malformed JSON", value = ApiExamples.MALFORMED)})),
                    @ApiResponse(responseCode = "401", description = "No valid bearer token",
                            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemSchema.class))),
                    @ApiResponse(responseCode = "403", description = "The caller is not a hotline operator, or the "
                            + "report's province is not one its hotline serves",
                            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemSchema.class))),
                    @ApiResponse(responseCode = "406", description = "The Accept header excludes JSON",
                            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemSchema.class),
                                    examples = @ExampleObject(name = "not acceptable", value = ApiExamples.NOT_ACCEPTABLE))),
                    @ApiResponse(responseCode = "409", description = "reportId already used for a report with other content",
                            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemSchema.class),
                                    examples = @ExampleObject(name = "conflict", value = ApiExamples.CONFLICT))),
                    @ApiResponse(responseCode = "413", description = "Body over the size limit (intake.max-body-size)",
                            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemSchema.class),
                                    examples = @ExampleObject(name = "too large", value = ApiExamples.TOO_LARGE))),
                    @ApiResponse(responseCode = "415", description = "Content-Type is not application/json",
                            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemSchema.class),
                                    examples = @ExampleObject(name = "unsupported", value = ApiExamples.UNSUPPORTED))),
                    @ApiResponse(responseCode = "503", description = "Not made durable now (broker or store unreachable, or intake at capacity): "
                            + "not accepted; send it again, unchanged, after Retry-After seconds",
                            headers = @Header(name = "Retry-After", description = "seconds to wait",
                                    schema = @Schema(type = "integer", example = "5")),
                            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemSchema.class),
                                    examples = @ExampleObject(name = "unavailable", value = ApiExamples.UNAVAILABLE)))})
    public ResponseEntity<?> submit(HttpServletRequest request, Actor actor) throws IOException {
        // admitted by AdmissionFilter before this point: a request without a slot never gets here
        guard.requireRole(actor, SUBMIT_REPORT);
        ReportReader.Read read = ReportReader.read(bodies.readJson(request));
        if (read.draft() == null) {
            throw rejected(read.violations(), null);
        }
        ReportPolicy.Valid valid = switch (policy.evaluate(read.draft(), read.violations(), read.rejectedFields())) {
            case ReportPolicy.Valid v -> v;
            case ReportPolicy.Invalid invalid -> throw rejected(invalid.violations(), read.draft());
        };
        ReportDraft report = valid.report();
        PlacedLocation placed = valid.placed();
        String caseId = Ids.caseIdFor(report.reportId());
        // the province the report is placed in, on the map of its day: the one it is routed to
        guard.require(actor, SUBMIT_REPORT, new Target.Province(placed.location().provinceCode()),
                AuditIds.ofCase(caseId), () -> new IllegalStateException("a submission is never hidden"));
        // the record first: a report is never on its topic without the record of who submitted it
        AccessGuard.Attempt attempt = guard.attempt(actor, SUBMIT_REPORT, AuditIds.ofCase(caseId),
                HttpStatus.ACCEPTED.value());
        SubmitReportUseCase.Result result = submitReport.submit(valid, actor.subject());
        metrics.count(result, report.channel());
        return switch (result) {
            case SubmitReportUseCase.Accepted accepted -> {
                log.info("report {} {} as case {} on map {} ({})", accepted.reportId(),
                        accepted.duplicate() ? "was already accepted" : "accepted", accepted.caseId(),
                        placed.placement().areaMap(), placed.placement().outcome());
                yield ResponseEntity.status(HttpStatus.ACCEPTED)
                        .body(ReportResponse.accepted(accepted.reportId(), accepted.caseId(), placed));
            }
            case SubmitReportUseCase.Conflict conflict -> {
                log.info("report {} conflicts with an earlier report under the same id", conflict.reportId());
                attempt.failed(HttpStatus.CONFLICT.value(), "another report was accepted under this reportId");
                throw new ReportConflictException(conflict.reportId());
            }
            case SubmitReportUseCase.Unavailable unavailable -> {
                refusals.refused(unavailable.reportId().toString(), unavailable.reason());
                attempt.failed(HttpStatus.SERVICE_UNAVAILABLE.value(), unavailable.reason());
                throw new IntakeUnavailableException(unavailable.reason());
            }
        };
    }

    private InvalidReportException rejected(List<Violation> violations, ReportDraft draft) {
        metrics.rejected(draft == null ? null : draft.channel());
        return new InvalidReportException(violations);
    }
}
