package vn.childprotection.platform.support.security;

/** No role of the caller may do this (or would create something outside its scope): 403, already audited. */
public class AccessRefusedException extends RuntimeException {

    public AccessRefusedException(String reason) {
        super(reason);
    }
}
