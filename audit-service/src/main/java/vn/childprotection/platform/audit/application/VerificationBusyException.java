package vn.childprotection.platform.audit.application;

/** A verification is running already on this instance: ask again when it has finished. */
public final class VerificationBusyException extends RuntimeException {

    public VerificationBusyException() {
        super("a verification of the audit trail is running");
    }
}
