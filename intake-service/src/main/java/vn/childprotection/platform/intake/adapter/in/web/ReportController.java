package vn.childprotection.platform.intake.adapter.in.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
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
import vn.childprotection.platform.intake.application.port.in.SubmitReportUseCase;
import vn.childprotection.platform.intake.config.IntakeProperties;
import vn.childprotection.platform.intake.domain.ReportDraft;
import vn.childprotection.platform.intake.domain.ReportPolicy;
import vn.childprotection.platform.intake.domain.Violation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@code POST /api/v1/reports}: a hotline operator submits a report. */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "Hotline reports (Tổng đài 111 and local lines)")
public class ReportController {

    private static final Logger log = LoggerFactory.getLogger(ReportController.class);

    private final SubmitReportUseCase submitReport;
    private final ReportPolicy policy;
    private final RequestBodies bodies;
    private final IntakeMetrics metrics;

    public ReportController(SubmitReportUseCase submitReport, ReportPolicy policy, IntakeProperties properties,
                            MeterRegistry meters) {
        this.submitReport = submitReport;
        this.policy = policy;
        this.bodies = new RequestBodies(properties.maxBodySize().toBytes());
        this.metrics = new IntakeMetrics(meters);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit a report",
            description = """
                    A 202 means the report is durably on intake.reports.v1 (acks=all) and will be routed. \
                    reportId is the caller's idempotency key: the same report again returns the same caseId and \
                    creates nothing; another report under the same reportId is a 409. Every bad field is named \
                    in a 400 (application/problem+json). A 503 with Retry-After means the report could not be \
                    made durable now: keep it and send it again.""",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ReportRequestSchema.class),
                    examples = @ExampleObject(name = "Sexual abuse, Điện Biên Phủ", value = ReportRequestSchema.EXAMPLE))),
            responses = {
                    @ApiResponse(responseCode = "202", description = "On the topic; the case id is final",
                            content = @Content(schema = @Schema(implementation = ReportResponse.class))),
                    @ApiResponse(responseCode = "400", description = "Not a valid report: every bad field in errors[]",
                            content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "409", description = "reportId already used for another report",
                            content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "413", description = "Body over the size limit",
                            content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "415", description = "Not application/json",
                            content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "503", description = "Could not be made durable now; retry after the Retry-After delay",
                            content = @Content(mediaType = "application/problem+json"))})
    public ResponseEntity<?> submit(HttpServletRequest request) throws IOException {
        ReportReader.Read read = ReportReader.read(bodies.readJson(request));
        if (read.draft() == null) {
            throw rejected(read.violations(), null);
        }
        List<Violation> violations = new ArrayList<>(read.violations());
        violations.addAll(policy.check(read.draft(), read.rejectedFields()));
        if (!violations.isEmpty()) {
            throw rejected(violations, read.draft());
        }
        ReportDraft report = read.draft();
        SubmitReportUseCase.Result result = submitReport.submit(report);
        metrics.count(result, report.channel());
        return switch (result) {
            case SubmitReportUseCase.Accepted accepted -> {
                log.info("report {} {} as case {}", accepted.reportId(),
                        accepted.duplicate() ? "was already accepted" : "accepted", accepted.caseId());
                yield ResponseEntity.status(HttpStatus.ACCEPTED)
                        .body(ReportResponse.accepted(accepted.reportId(), accepted.caseId()));
            }
            case SubmitReportUseCase.Conflict conflict -> {
                log.info("report {} conflicts with an earlier report under the same id", conflict.reportId());
                throw new ReportConflictException(conflict.reportId());
            }
            case SubmitReportUseCase.Unavailable unavailable -> {
                log.warn("report {} not accepted: {}", unavailable.reportId(), unavailable.reason());
                throw new IntakeUnavailableException(unavailable.reason());
            }
        };
    }

    private InvalidReportException rejected(List<Violation> violations, ReportDraft draft) {
        metrics.rejected(draft == null ? null : draft.channel());
        return new InvalidReportException(violations);
    }
}
