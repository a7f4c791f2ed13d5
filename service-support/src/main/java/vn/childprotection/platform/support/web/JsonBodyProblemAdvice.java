package vn.childprotection.platform.support.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.exc.StreamConstraintsException;

import java.util.List;
import java.util.Map;

/**
 * A request body no controller could read, ahead of each service's own problem handlers: 400 as
 * {@code application/problem+json} naming what is wrong with the body in {@code errors: [{field: "body", message}]}
 * — too deeply nested JSON ({@code platform.requests.max-json-depth}), a value longer than a JSON reader takes, or
 * no readable JSON at all — never echoing the body (it may hold personal data), never a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class JsonBodyProblemAdvice {

    private final RequestLimitsProperties limits;

    JsonBodyProblemAdvice(RequestLimitsProperties limits) {
        this.limits = limits;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        StreamConstraintsException limit = causeOf(e);
        if (limit != null) {
            return overLimit(limit);
        }
        return problem(e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
                ? "is required: send JSON" : "is not readable JSON of the expected shape");
    }

    /** A controller that reads its body itself lets the reader's limits come here too. */
    @ExceptionHandler(StreamConstraintsException.class)
    ResponseEntity<ProblemDetail> overLimit(StreamConstraintsException e) {
        String message = e.getMessage();
        if (message != null && message.contains("nesting depth")) {
            return problem("nests deeper than " + limits.maxJsonDepth() + " levels of objects and arrays");
        }
        return problem("holds a name, string or number longer than a request may carry");
    }

    private static StreamConstraintsException causeOf(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamConstraintsException limit) {
                return limit;
            }
        }
        return null;
    }

    private static ResponseEntity<ProblemDetail> problem(String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body " + message + ".");
        problem.setTitle("Invalid request body");
        problem.setProperty("errors", List.of(Map.of("field", "body", "message", message)));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
