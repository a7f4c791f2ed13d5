package vn.childprotection.platform.intake.adapter.in.web;

/** The report could not be made durable now: answered 503 with Retry-After. */
final class IntakeUnavailableException extends RuntimeException {

    IntakeUnavailableException(String reason) {
        super(reason, null, false, false);
    }
}
