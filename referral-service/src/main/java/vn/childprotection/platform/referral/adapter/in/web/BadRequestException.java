package vn.childprotection.platform.referral.adapter.in.web;

/** A request parameter that is well-typed but not acceptable (answered 400 problem+json). */
public final class BadRequestException extends RuntimeException {

    private final String field;

    public BadRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
