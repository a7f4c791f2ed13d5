package vn.childprotection.platform.referral.adapter.out.audit;

import vn.childprotection.platform.access.audit.AuditRecord;
import vn.childprotection.platform.referral.application.PersonalDataService;
import vn.childprotection.platform.referral.application.port.out.PersonalDataAudit;
import vn.childprotection.platform.support.audit.AuditTrail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The retention job's records on the service's audit trail ({@code audit.events.v1}, this instance's chain): action
 * {@code PURGE_PERSONAL_DATA}, the service itself as subject, the job as resource, the case id, and in the reason when
 * the case closed and the period it was kept — ids and times only.
 */
public final class AuditTrailPersonalDataAudit implements PersonalDataAudit {

    public static final String ACTION = "PURGE_PERSONAL_DATA";
    static final String SUBJECT = "referral-service";
    static final String RESOURCE = "JOB " + PersonalDataService.JOB;

    private final AuditTrail trail;
    private final Clock clock;

    public AuditTrailPersonalDataAudit(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    @Override
    public void purging(String caseId, Instant closedAt, Duration retention) {
        trail.record(record(caseId, AuditRecord.Outcome.ALLOWED, 200,
                "retention: closed at " + closedAt + ", kept " + retention));
    }

    @Override
    public void purgeNotDone(String caseId, String why) {
        trail.record(record(caseId, AuditRecord.Outcome.REFUSED, 409, why));
    }

    private AuditRecord record(String caseId, AuditRecord.Outcome outcome, int status, String reason) {
        return new AuditRecord(null, 0, clock.instant(), SUBJECT, null, null, null, null, ACTION, RESOURCE, caseId,
                null, null, outcome, status, null, reason, null, null);
    }
}
