package vn.childprotection.platform.support.audit;

/** An audit record could not be made durable: the request it describes is answered 503, never without a record. */
public class AuditUnavailableException extends RuntimeException {

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
