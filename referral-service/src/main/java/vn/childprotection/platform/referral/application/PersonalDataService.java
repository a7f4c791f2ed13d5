package vn.childprotection.platform.referral.application;

import vn.childprotection.platform.access.QueryScope;
import vn.childprotection.platform.contracts.PersonalDataErased;
import vn.childprotection.platform.referral.application.port.in.ErasePersonalDataUseCase;
import vn.childprotection.platform.referral.application.port.in.PurgePersonalDataUseCase;
import vn.childprotection.platform.referral.application.port.in.RelayOutboxUseCase;
import vn.childprotection.platform.referral.application.port.out.CaseRepository;
import vn.childprotection.platform.referral.application.port.out.JobLease;
import vn.childprotection.platform.referral.application.port.out.PersonalDataAudit;
import vn.childprotection.platform.referral.domain.Case;
import vn.childprotection.platform.referral.domain.ErasureDecision;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A case's personal data is not kept forever ({@link Case#erasePersonalData}): the retention job erases it once the
 * case has been closed for the retention period, and a coordinator may erase it earlier, with a written reason. Either
 * way the erasure is ONE conditional write of the case (its version, and for a request the caller's scope, in the
 * store query), its {@code PersonalDataErased} goes out through the outbox, and the figures stay as they were.
 *
 * <p>The job runs under its lease in {@code job_leases} (like the deadline watchdog): two instances never run a pass
 * at once. Each purge is an audit record, written before the purge (nothing is purged unrecorded); a purge that then
 * loses to a concurrent change gets a second record saying so and is decided again at the next pass.
 */
public final class PersonalDataService implements ErasePersonalDataUseCase, PurgePersonalDataUseCase {

    public static final String JOB = "personal-data-retention";
    private static final Logger log = System.getLogger(PersonalDataService.class.getName());

    private final CaseRepository cases;
    private final JobLease leases;
    private final RelayOutboxUseCase relay;
    private final PersonalDataAudit audit;
    private final Clock clock;
    private final String owner;
    private final Duration retention;
    private final Duration lease;
    private final int batch;
    private final int attempts;

    /**
     * @param retention how long a closed case's personal data is kept after it closed
     * @param lease     how long one pass may hold the job's lease
     * @param batch     cases purged per pass at most
     * @param attempts  how often a request is decided again after a concurrent change of its case
     */
    public PersonalDataService(CaseRepository cases, JobLease leases, RelayOutboxUseCase relay,
                               PersonalDataAudit audit, Clock clock, String owner, Duration retention,
                               Duration lease, int batch, int attempts) {
        this.cases = cases;
        this.leases = leases;
        this.relay = relay;
        this.audit = audit;
        this.clock = clock;
        this.owner = owner + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.retention = retention;
        this.lease = lease;
        this.batch = batch;
        this.attempts = attempts;
    }

    @Override
    public Result eraseOnRequest(String caseId, QueryScope scope) {
        for (int attempt = 0; attempt < attempts; attempt++) {
            Optional<Case> found = cases.findById(caseId, scope);
            if (found.isEmpty()) {
                return new NotFound(caseId);
            }
            Case current = found.get();
            switch (current.erasePersonalData(PersonalDataErased.Cause.REQUEST, clock.instant())) {
                case ErasureDecision.AlreadyErased already -> {
                    return new AlreadyErased(caseId, already.erasure());
                }
                case ErasureDecision.Erased erased -> {
                    if (cases.erase(current, erased.updated(), scope)) {
                        log.log(Level.INFO, "case {0}: personal data erased on request", caseId);
                        relayNow(caseId);
                        return new Erased(caseId, erased.erasure());
                    }
                }
            }
        }
        return new Busy(caseId);
    }

    @Override
    public int runOnce() {
        Instant now = clock.instant();
        if (!leases.claim(JOB, owner, now, now.plus(lease))) {
            return 0;
        }
        int purged = 0;
        try {
            Instant cutoff = now.minus(retention);
            for (String caseId : cases.findRetentionDue(cutoff, batch)) {
                try {
                    if (purge(caseId, now, cutoff)) {
                        purged++;
                    }
                } catch (RuntimeException e) {
                    log.log(Level.WARNING, "retention: case {0} failed ({1}); next pass retries", caseId,
                            e.getClass().getSimpleName());
                }
            }
        } finally {
            leases.release(JOB, owner);
        }
        return purged;
    }

    private boolean purge(String caseId, Instant now, Instant cutoff) {
        Optional<Case> found = cases.findById(caseId);
        if (found.isEmpty() || found.get().erased()) {
            return false;
        }
        Case current = found.get();
        Instant closedAt = current.closedAt();
        if (closedAt == null || closedAt.isAfter(cutoff)) {
            // stored before its closing time was kept, and closed later than the period: keep that time now, so the
            // store finds it when it is due and not before
            cases.update(current, current);
            return false;
        }
        if (!(current.erasePersonalData(PersonalDataErased.Cause.RETENTION, now)
                instanceof ErasureDecision.Erased erased)) {
            return false;
        }
        audit.purging(caseId, closedAt, retention);
        if (!cases.erase(current, erased.updated(), new QueryScope.Everything())) {
            audit.purgeNotDone(caseId, "the case changed meanwhile; the next pass decides again");
            return false;
        }
        log.log(Level.INFO, "case {0}: personal data purged, closed more than {1} days ago", caseId,
                retention.toDays());
        relayNow(caseId);
        return true;
    }

    private void relayNow(String caseId) {
        try {
            relay.relay(caseId);
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "case {0}: immediate relay failed ({1}), the sweep will retry", caseId,
                    e.getClass().getSimpleName());
        }
    }
}
