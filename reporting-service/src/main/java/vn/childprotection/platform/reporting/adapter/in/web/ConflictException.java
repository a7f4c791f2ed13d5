package vn.childprotection.platform.reporting.adapter.in.web;

/** The request conflicts with what is running: a 409 problem. */
public final class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
