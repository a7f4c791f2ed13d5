package vn.childprotection.platform.intake.adapter.in.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.childprotection.platform.intake.config.IntakeProperties;
import vn.childprotection.platform.intake.domain.Violation;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Every error as {@code application/problem+json} (RFC 9457). A 400 lists every bad field in
 * {@code errors: [{field, message}]}; rejected values are never echoed; no stack trace ever leaves the service.
 * Spring's own errors (404, 405, 406, 415, …) come through {@link ResponseEntityExceptionHandler} as problems too.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final IntakeProperties properties;
    private final IntakeMetrics metrics;

    public ProblemAdvice(IntakeProperties properties, IntakeMetrics metrics) {
        this.properties = properties;
        this.metrics = metrics;
    }

    @ExceptionHandler(InvalidReportException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidReportException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-report", "Invalid report",
                e.violations().size() == 1 ? "1 field is not valid." : e.violations().size() + " fields are not valid.");
        List<Map<String, String>> errors = e.violations().stream()
                .map((Violation v) -> Map.of("field", v.field(), "message", v.message()))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(BodyTooLargeException e) {
        metrics.rejected(null);
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem(HttpStatus.CONTENT_TOO_LARGE,
                "body-too-large", "Report too large", "A report body may be at most " + e.limit() + " bytes."));
    }

    @ExceptionHandler(ReportConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ReportConflictException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "report-id-conflict", "Report id already used",
                "Report " + e.reportId() + " was accepted before with other content. Use a new reportId for a new "
                        + "report; send the original unchanged to retry it.");
        problem.setProperty("reportId", e.reportId());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(IntakeUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(IntakeUnavailableException e) {
        long seconds = Math.max(1, properties.retryAfter().toSeconds());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "intake-unavailable", "Report not accepted yet",
                        "The report could not be made durable now (" + e.getMessage() + "). It was not accepted: "
                                + "keep it and send it again, unchanged, after " + seconds + " seconds."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected error answering a request ({})", e.getClass().getName());
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error", "Internal error", "The request could not be answered. Try again later."));
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:problem-type:cprp:" + type));
        problem.setTitle(title);
        return problem;
    }
}
