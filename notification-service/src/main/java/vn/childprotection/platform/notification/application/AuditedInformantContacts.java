package vn.childprotection.platform.notification.application;

import vn.childprotection.platform.notification.application.port.out.ContactErasureAudit;
import vn.childprotection.platform.notification.application.port.out.InformantContacts;
import vn.childprotection.platform.notification.domain.InformantContact;
import vn.childprotection.platform.notification.domain.Recipient;

import java.util.Optional;

/**
 * The informant contacts with an audit record of each erasure after the outcome was delivered: recorded when a phone
 * was still there to erase (a repeated erasure, after a publication retried, records nothing).
 */
public final class AuditedInformantContacts implements InformantContacts {

    static final String DELIVERED = "the outcome was delivered";

    private final InformantContacts contacts;
    private final ContactErasureAudit audit;

    public AuditedInformantContacts(InformantContacts contacts, ContactErasureAudit audit) {
        this.contacts = contacts;
        this.audit = audit;
    }

    @Override
    public InformantContact rememberContact(String caseId, Recipient contact) {
        return contacts.rememberContact(caseId, contact);
    }

    @Override
    public InformantContact declineFeedback(String caseId) {
        return contacts.declineFeedback(caseId);
    }

    @Override
    public InformantContact awaitOutcome(String caseId, InformantContact.PendingOutcome outcome) {
        return contacts.awaitOutcome(caseId, outcome);
    }

    @Override
    public void erase(String caseId) {
        boolean held = contacts.find(caseId).map(c -> c.contact() != null).orElse(false);
        contacts.erase(caseId);
        if (held) {
            audit.erased(caseId, DELIVERED);
        }
    }

    @Override
    public Optional<InformantContact> find(String caseId) {
        return contacts.find(caseId);
    }
}
