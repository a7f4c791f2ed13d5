package vn.childprotection.platform.notification.adapter.out.audit;

import vn.childprotection.platform.access.audit.AuditRecord;
import vn.childprotection.platform.notification.application.port.out.ContactErasureAudit;
import vn.childprotection.platform.support.audit.AuditTrail;

import java.time.Clock;

/**
 * Erasures of an informant's phone on the service's audit trail ({@code audit.events.v1}, this instance's chain):
 * action {@code ERASE_INFORMANT_CONTACT}, the service itself as subject, the case id and the cause — never the phone.
 */
public final class AuditTrailContactErasureAudit implements ContactErasureAudit {

    public static final String ACTION = "ERASE_INFORMANT_CONTACT";
    static final String SUBJECT = "notification-service";
    static final String RESOURCE = "JOB informant-contact-retention";

    private final AuditTrail trail;
    private final Clock clock;

    public AuditTrailContactErasureAudit(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    @Override
    public void erased(String caseId, String why) {
        trail.record(new AuditRecord(null, 0, clock.instant(), SUBJECT, null, null, null, null, ACTION, RESOURCE,
                caseId, null, null, AuditRecord.Outcome.ALLOWED, 200, null, why, null, null));
    }
}
