package vn.childprotection.platform.referral.adapter.in.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every error as {@code application/problem+json} (RFC 9457); bad parameters listed in {@code errors:
 * [{field, message}]}. No stack traces, no echo of rejected values.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(CaseNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(CaseNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No case has id " + e.caseId() + ".");
        problem.setTitle("Case not found");
        return problem(problem);
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<ProblemDetail> badRequest(BadRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Invalid request parameter(s): " + e.field() + ".");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return problem(problem);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Invalid request field(s): " + e.errors().stream().map(error -> error.get("field"))
                        .collect(java.util.stream.Collectors.joining(", ")) + ".");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", e.errors());
        return problem(problem);
    }

    /** A refused agency response: 404 or 409 with the rejection {@code code}; the detail names ids and codes. */
    @ExceptionHandler(ResponseRefusedException.class)
    ResponseEntity<ProblemDetail> refused(ResponseRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle(e.title());
        problem.setProperty("code", e.code());
        return problem(problem);
    }

    /** Bean validation of a request body: field names and constraint messages, never the values (personal data). */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            org.springframework.web.bind.MethodArgumentNotValidException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message",
                        String.valueOf(error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Invalid request field(s): " + errors.stream().map(e -> e.get("field")).distinct().sorted()
                        .collect(java.util.stream.Collectors.joining(", ")) + ".");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected error answering a request", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be answered. Try again later.");
        problem.setTitle("Internal error");
        return problem(problem);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : ex.getPropertyName();
        String expected = ex.getRequiredType() == UUID.class ? "a UUID" : "a valid value";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Invalid request parameter(s): " + field + ".");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", String.valueOf(field), "message", "must be " + expected)));
        return ResponseEntity.badRequest().headers(headers).contentType(
                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
