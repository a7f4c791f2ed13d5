package vn.childprotection.platform.intake.adapter.in.web;

/** A request body over the configured limit: answered 413. */
final class BodyTooLargeException extends RuntimeException {

    private final long limit;

    BodyTooLargeException(long limit) {
        super("body over " + limit + " bytes", null, false, false);
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
