package vn.childprotection.platform.reporting.adapter.in.web;

/** Nothing under that name: a 404 problem. */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String what) {
        super(what + " is not known");
    }
}
