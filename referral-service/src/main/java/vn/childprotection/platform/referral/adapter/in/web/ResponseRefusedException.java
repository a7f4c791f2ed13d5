package vn.childprotection.platform.referral.adapter.in.web;

import org.springframework.http.HttpStatus;

/**
 * An agency response the referral cannot take (409: transition-not-allowed, wrong-agency, duplicate-response,
 * case-mismatch, forward-target-invalid, concurrent-change) or whose referral does not exist (404: unknown-referral).
 * Answered as problem+json with a {@code code} property.
 */
final class ResponseRefusedException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String title;

    ResponseRefusedException(HttpStatus status, String code, String title, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }

    String title() {
        return title;
    }
}
