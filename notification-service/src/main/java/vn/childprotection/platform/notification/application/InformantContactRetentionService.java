package vn.childprotection.platform.notification.application;

import vn.childprotection.platform.contracts.PersonalDataErased;
import vn.childprotection.platform.notification.application.port.in.RecordReferralNotificationUseCase;
import vn.childprotection.platform.notification.application.port.out.ContactErasureAudit;
import vn.childprotection.platform.notification.application.port.out.InformantContactRetention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The informant's phone is kept only while it may still be needed for the outcome (S0 Art 7.2: the result goes back to
 * the informant) and never longer than {@code maxKept} (a POLICY DEFAULT, 90 days): a pass erases every phone kept that
 * long; a {@code PersonalDataErased} of the case erases it at once. Each erasure is an audit record. The erasure is
 * conditional on the phone being there, so two instances running the pass erase (and record) each phone once.
 */
public final class InformantContactRetentionService {

    static final String LIMIT_REACHED = "kept for the limit without the outcome delivered";
    static final String CASE_ERASED = "the case's personal data was erased";

    private final InformantContactRetention contacts;
    private final ContactErasureAudit audit;
    private final Clock clock;
    private final Duration maxKept;
    private final int batch;

    public InformantContactRetentionService(InformantContactRetention contacts, ContactErasureAudit audit,
                                            Clock clock, Duration maxKept, int batch) {
        this.contacts = contacts;
        this.audit = audit;
        this.clock = clock;
        this.maxKept = maxKept;
        this.batch = batch;
    }

    /** One pass: erases the phones kept {@code maxKept} or longer; returns how many. */
    public int runOnce() {
        Instant cutoff = clock.instant().minus(maxKept);
        int erased = 0;
        for (String caseId : contacts.heldSince(cutoff, batch)) {
            if (contacts.forget(caseId)) {
                audit.erased(caseId, LIMIT_REACHED + " (" + maxKept.toDays() + " days)");
                erased++;
            }
        }
        return erased;
    }

    /** The case's personal data was erased in referral-service: its informant's phone goes too. */
    public void forget(PersonalDataErased erased) {
        if (contacts.forget(erased.caseId())) {
            audit.erased(erased.caseId(), CASE_ERASED + " (" + erased.cause() + ")");
        }
    }

    /**
     * The case events' use case with {@code PersonalDataErased} handled first: it asks for no notification, only for
     * the informant's phone to be forgotten.
     */
    public RecordReferralNotificationUseCase forgettingOnErasure(RecordReferralNotificationUseCase notifications) {
        return event -> {
            if (event instanceof PersonalDataErased erased) {
                forget(erased);
                return new RecordReferralNotificationUseCase.NotApplicable(erased.eventType());
            }
            return notifications.handle(event);
        };
    }
}
