package vn.childprotection.platform.audit.adapter.in.web;

import java.util.List;

/** Request parameters that cannot be used; rendered as a 400 problem listing each of them. */
public final class InvalidParametersException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidParametersException(List<FieldError> errors) {
        super("invalid parameters: " + errors.stream().map(FieldError::field).toList());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    public record FieldError(String field, String message) {
    }
}
