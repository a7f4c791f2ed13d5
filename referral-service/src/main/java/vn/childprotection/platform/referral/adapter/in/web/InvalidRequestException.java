package vn.childprotection.platform.referral.adapter.in.web;

import java.util.List;
import java.util.Map;

/** A request body with bad fields, each named (answered 400 problem+json with {@code errors: [{field, message}]}). */
final class InvalidRequestException extends RuntimeException {

    private final transient List<Map<String, String>> errors;

    InvalidRequestException(List<Map<String, String>> errors) {
        super("invalid request");
        this.errors = List.copyOf(errors);
    }

    List<Map<String, String>> errors() {
        return errors;
    }
}
