package vn.childprotection.platform.referral.application;

import vn.childprotection.platform.referral.application.port.in.RelayOutboxUseCase;
import vn.childprotection.platform.referral.application.port.in.WatchDeadlinesUseCase;
import vn.childprotection.platform.referral.application.port.out.CaseMetrics;
import vn.childprotection.platform.referral.application.port.out.CaseRepository;
import vn.childprotection.platform.referral.application.port.out.JobLease;
import vn.childprotection.platform.referral.domain.Case;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The deadline watchdog (S0 Art 5.4; Decree 56/2017 Art 26.3 and 28.1). Each pass, if this instance holds the job's
 * lease (so two instances never both run it), takes the cases whose {@code nextWatchAt} has come, lets the domain
 * decide which deadline stages fire ({@link Case#watch}) and writes the markers and the {@code ReferralOverdue}
 * messages in ONE update conditional on the case's version. A stage therefore fires once: a second pass, a restart or
 * another instance finds the marker set (and the event id is deterministic besides). All state is in the store.
 */
public final class WatchDeadlinesService implements WatchDeadlinesUseCase {

    public static final String JOB = "deadline-watchdog";
    private static final Logger log = System.getLogger(WatchDeadlinesService.class.getName());

    private final CaseRepository cases;
    private final JobLease leases;
    private final RelayOutboxUseCase relay;
    private final CaseMetrics metrics;
    private final Clock clock;
    private final String owner;
    private final Duration lease;
    private final int batch;

    public WatchDeadlinesService(CaseRepository cases, JobLease leases, RelayOutboxUseCase relay, CaseMetrics metrics,
                                 Clock clock, String owner, Duration lease, int batch) {
        this.cases = cases;
        this.leases = leases;
        this.relay = relay;
        this.metrics = metrics;
        this.clock = clock;
        this.owner = owner + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.lease = lease;
        this.batch = batch;
    }

    @Override
    public int runOnce() {
        Instant now = clock.instant();
        if (!leases.claim(JOB, owner, now, now.plus(lease))) {
            return 0;
        }
        int raised = 0;
        try {
            for (String caseId : cases.findDueForWatch(now, batch)) {
                try {
                    raised += watch(caseId, now);
                } catch (RuntimeException e) {
                    log.log(Level.WARNING, "watchdog: case {0} failed ({1}); next pass retries", caseId,
                            e.getClass().getSimpleName());
                }
            }
        } finally {
            leases.release(JOB, owner);
        }
        return raised;
    }

    private int watch(String caseId, Instant now) {
        Optional<Case> found = cases.findById(caseId);
        if (found.isEmpty()) {
            return 0;
        }
        Case current = found.get();
        Optional<Case.Watch> watch = current.watch(now);
        if (watch.isEmpty()) {
            // nothing due after all (answered meanwhile): store the recomputed next time
            if (current.nextWatchAt() == null || current.nextWatchAt().isAfter(now)) {
                cases.update(current, current);
            }
            return 0;
        }
        if (!cases.update(current, watch.get().updated())) {
            // changed concurrently (a response arrived): the next pass decides again on the new state
            log.log(Level.DEBUG, "watchdog: case {0} changed concurrently; next pass", caseId);
            return 0;
        }
        for (Case.Firing firing : watch.get().fired()) {
            metrics.referralOverdue(firing.deadline().name(), firing.stage().name());
            log.log(Level.INFO, "referral {0} of case {1}: {2} deadline overdue, {3}", firing.referralId(), caseId,
                    firing.deadline(), firing.stage());
        }
        try {
            relay.relay(caseId);
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "case {0}: immediate relay failed ({1}), the sweep will retry", caseId,
                    e.getClass().getSimpleName());
        }
        return watch.get().fired().size();
    }
}
