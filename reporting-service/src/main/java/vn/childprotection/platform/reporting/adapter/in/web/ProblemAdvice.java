package vn.childprotection.platform.reporting.adapter.in.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;

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
