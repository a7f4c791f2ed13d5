package vn.childprotection.platform.referral.application;

import vn.childprotection.platform.contracts.ReportSubmitted;
import vn.childprotection.platform.referral.application.port.in.HandleReportUseCase;
import vn.childprotection.platform.referral.application.port.in.RelayOutboxUseCase;
import vn.childprotection.platform.referral.application.port.out.CaseMetrics;
import vn.childprotection.platform.referral.application.port.out.CaseRepository;
import vn.childprotection.platform.referral.application.port.out.RulesetSource;
import vn.childprotection.platform.referral.domain.Case;
import vn.childprotection.platform.referral.domain.CaseOpening;
import vn.childprotection.platform.referral.domain.ChildPseudonym;
import vn.childprotection.platform.referral.domain.Referral;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;

/**
 * Opens a case from a report. The case and everything it must publish go to the store in ONE insert (the outbox is in
 * the case document), already claimed for this instance's relay, which then publishes at once for low latency; after
 * a crash or a broker outage, the sweep publishes once the claim's lease has run out. Idempotent: the case id is the
 * document id, so a redelivered report meets a duplicate key and changes nothing.
 */
public final class HandleReportService implements HandleReportUseCase {

    private static final Logger log = System.getLogger(HandleReportService.class.getName());

    private final CaseRepository cases;
    private final RulesetSource rulesets;
    private final RelayOutboxUseCase relay;
    private final CaseMetrics metrics;
    private final Clock clock;
    private final ChildPseudonym pseudonym;

    public HandleReportService(CaseRepository cases, RulesetSource rulesets, RelayOutboxUseCase relay,
                               CaseMetrics metrics, Clock clock) {
        this(cases, rulesets, relay, metrics, clock, ChildPseudonym.NONE);
    }

    /** @param pseudonym makes {@code CaseOpened.childKey} (the child's pseudonym) */
    public HandleReportService(CaseRepository cases, RulesetSource rulesets, RelayOutboxUseCase relay,
                               CaseMetrics metrics, Clock clock, ChildPseudonym pseudonym) {
        this.pseudonym = pseudonym == null ? ChildPseudonym.NONE : pseudonym;
        this.cases = cases;
        this.rulesets = rulesets;
        this.relay = relay;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Outcome handle(ReportSubmitted report) {
        CaseOpening opening = Case.open(report, rulesets.routing(), clock.instant(), pseudonym);
        return switch (opening) {
            case CaseOpening.Rejected rejected -> new Rejected(rejected.caseId(), rejected.reasons());
            case CaseOpening.Opened(Case opened) -> store(opened);
        };
    }

    private Outcome store(Case opened) {
        // inserted already claimed for the relay below: one write instead of an insert and a claim
        RelayOutboxUseCase.Claim claim = relay.newClaim();
        if (!cases.insertClaimedIfAbsent(opened, claim.owner(), claim.leaseUntil())) {
            log.log(Level.DEBUG, "case {0} already opened: redelivered report ignored", opened.caseId());
            return new AlreadyHandled(opened.caseId());
        }
        metrics.caseOpened(opened.contactType(), opened.severity());
        for (Referral referral : opened.referrals()) {
            metrics.referralIssued(referral.agency(), referral.role());
        }
        try {
            relay.relayInserted(opened, claim);
        } catch (RuntimeException e) {
            // stored, pending and still claimed: the sweep publishes it once the lease has run out (checking the
            // topics first, as after any unfinished attempt); the report itself was handled
            log.log(Level.WARNING, "case {0} stored; immediate relay failed ({1}), the sweep will retry",
                    opened.caseId(), e.getClass().getSimpleName());
        }
        return new Opened(opened.caseId(), opened.status(), opened.referrals().size());
    }
}
