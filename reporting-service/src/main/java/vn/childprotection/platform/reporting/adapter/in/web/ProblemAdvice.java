package vn.childprotection.platform.reporting.adapter.in.web;

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

import vn.childprotection.platform.reporting.application.StatsBusyException;
import vn.childprotection.platform.reporting.application.port.out.TooManyFactsException;

import java.net.URI;
import java.util.List;

/**
 * Every error as {@code application/problem+json} (RFC 9457, conventions "Errors"): Spring MVC's own exceptions
 * through {@link ResponseEntityExceptionHandler}, bad parameters with {@code errors: [{field, message}]}, anything
 * unexpected as a 500 without a stack trace.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    static final URI INVALID_PARAMETERS = URI.create("urn:cprp:problem:invalid-parameters");
    static final URI NOT_FOUND = URI.create("urn:cprp:problem:not-found");
    static final URI CONFLICT = URI.create("urn:cprp:problem:conflict");
    static final URI INTERNAL = URI.create("urn:cprp:problem:internal");
    static final URI SELECTION_TOO_LARGE = URI.create("urn:cprp:problem:selection-too-large");
    static final URI BUSY = URI.create("urn:cprp:problem:busy");
    static final String RETRY_AFTER_SECONDS = "10";

    /** 422: the selection holds more facts than one computation may read; the period and the place narrow it. */
    @ExceptionHandler(TooManyFactsException.class)
    ProblemDetail tooManyFacts(TooManyFactsException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "The selection holds more than " + e.maxFacts() + " facts, more than one computation may read "
                        + "(reporting.stats.max-facts). Narrow it: a shorter period (from, to) or one province.");
        problem.setType(SELECTION_TOO_LARGE);
        problem.setTitle("Selection too large");
        problem.setProperty("errors", List.of(
                new InvalidParametersException.FieldError("from", "narrow the period"),
                new InvalidParametersException.FieldError("to", "narrow the period"),
                new InvalidParametersException.FieldError("province", "choose one province")));
        return problem;
    }

    /** 503 with Retry-After: every computation slot stayed taken for the wait. */
    @ExceptionHandler(StatsBusyException.class)
    ResponseEntity<ProblemDetail> busy(StatsBusyException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Figures are being computed for other requests. Ask again after Retry-After seconds.");
        problem.setType(BUSY);
        problem.setTitle("Busy");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** 503 with Retry-After: every place of the live stream is taken. */
    @ExceptionHandler(StreamFullException.class)
    ResponseEntity<ProblemDetail> streamFull(StreamFullException e) {
        long seconds = Math.max(1, e.retryAfter().toSeconds());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Every place of the live stream is taken. Connect again after Retry-After seconds; the figures "
                        + "themselves can be read meanwhile.");
        problem.setType(BUSY);
        problem.setTitle("Busy");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(InvalidParametersException.class)
    ProblemDetail invalidParameters(InvalidParametersException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Invalid query parameter(s): " + String.join(", ",
                        e.errors().stream().map(InvalidParametersException.FieldError::field).distinct().toList()));
        problem.setType(INVALID_PARAMETERS);
        problem.setTitle("Invalid request parameters");
        problem.setProperty("errors", e.errors());
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setType(NOT_FOUND);
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(CONFLICT);
        problem.setTitle("Conflict");
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error serving a statistics request", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The figures could not be computed. Try again later.");
        problem.setType(INTERNAL);
        problem.setTitle("Internal error");
        return problem;
    }
}
