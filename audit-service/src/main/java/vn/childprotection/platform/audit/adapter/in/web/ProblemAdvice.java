package vn.childprotection.platform.audit.adapter.in.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.childprotection.platform.audit.application.TooManyRecordsException;
import vn.childprotection.platform.audit.application.VerificationBusyException;

import java.net.URI;
import java.util.List;

/**
 * Every error as {@code application/problem+json} (RFC 9457, conventions "Errors"): Spring MVC's own exceptions
 * through {@link ResponseEntityExceptionHandler}, bad parameters with {@code errors: [{field, message}]}, anything
 * unexpected as a 500 without a stack trace. Refusals (401, 403) and an audit record that could not be kept (503)
 * are answered by service-support's security configuration.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    static final URI INVALID_PARAMETERS = URI.create("urn:cprp:problem:invalid-parameters");
    static final URI SELECTION_TOO_LARGE = URI.create("urn:cprp:problem:selection-too-large");
    static final URI BUSY = URI.create("urn:cprp:problem:busy");
    static final URI INTERNAL = URI.create("urn:cprp:problem:internal");
    static final String RETRY_AFTER_SECONDS = "10";

    @ExceptionHandler(InvalidParametersException.class)
    ResponseEntity<ProblemDetail> invalidParameters(InvalidParametersException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Invalid query parameter(s): " + String.join(", ",
                        e.errors().stream().map(InvalidParametersException.FieldError::field).distinct().toList()));
        problem.setType(INVALID_PARAMETERS);
        problem.setTitle("Invalid request parameters");
        problem.setProperty("errors", e.errors());
        return problem(problem);
    }

    /** 422: the export would hold more records than one export may; the period narrows it. */
    @ExceptionHandler(TooManyRecordsException.class)
    ResponseEntity<ProblemDetail> tooManyRecords(TooManyRecordsException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "The export selects " + e.selected() + " records, more than one export may hold (" + e.maxRows()
                        + ", audit.export.max-rows). Narrow it: a shorter period (from, to) or another filter.");
        problem.setType(SELECTION_TOO_LARGE);
        problem.setTitle("Selection too large");
        problem.setProperty("errors", List.of(
                new InvalidParametersException.FieldError("from", "narrow the period"),
                new InvalidParametersException.FieldError("to", "narrow the period")));
        return problem(problem);
    }

    /** 503 with Retry-After: a verification runs already. */
    @ExceptionHandler(VerificationBusyException.class)
    ResponseEntity<ProblemDetail> busy(VerificationBusyException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "A verification of the audit trail is running. Ask again after Retry-After seconds.");
        problem.setType(BUSY);
        problem.setTitle("Busy");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error serving an audit request: {}", e.getClass().getName(), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The audit trail could not be read. Try again later.");
        problem.setType(INTERNAL);
        problem.setTitle("Internal error");
        return problem(problem);
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
