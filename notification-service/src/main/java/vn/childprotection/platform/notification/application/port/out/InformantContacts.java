package vn.childprotection.platform.notification.application.port.out;

import vn.childprotection.platform.notification.domain.InformantContact;
import vn.childprotection.platform.notification.domain.Recipient;

import java.util.Optional;

/**
 * The informant contacts kept for outcome feedback (S0 Art 7.2), one per case (collection {@code informant_contacts}).
 * Each change is atomic on the case's one record and answers the record as it is after the change, so that the
 * intake report and the case's completion, read from two topics in either order, are joined exactly when both are
 * there.
 */
public interface InformantContacts {

    /** Keeps the contact of an informant who expects feedback; ignored once the informant was told (erased). */
    InformantContact rememberContact(String caseId, Recipient contact);

    /** The report wants no feedback (or is anonymous, or gave no phone): a marker, no contact. */
    InformantContact declineFeedback(String caseId);

    /** The case completed: its outcome waits for the contact if that is not there yet. */
    InformantContact awaitOutcome(String caseId, InformantContact.PendingOutcome outcome);

    /** The outcome was delivered: the contact is erased (data minimisation) and the record marked told. */
    void erase(String caseId);

    Optional<InformantContact> find(String caseId);
}
