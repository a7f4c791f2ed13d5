package vn.childprotection.platform.notification.application.port.out;

import java.time.Instant;
import java.util.List;

/**
 * The informant's phone is not kept longer than it is needed: erased when the outcome is delivered
 * ({@link InformantContacts#erase}), after a limit when it never is, or when the case's personal data is erased.
 */
public interface InformantContactRetention {

    /**
     * Erases the case's informant contact whatever its state (the phone, and the recipient of the case's outcome
     * notification not delivered yet, which then fails for want of a recipient), and keeps a marker so that a
     * redelivered report never brings it back.
     *
     * @return whether a phone was held until now (so this call erased it)
     */
    boolean forget(String caseId);

    /** Cases whose informant's phone has been kept since {@code cutoff} or earlier, oldest first. */
    List<String> heldSince(Instant cutoff, int limit);
}
