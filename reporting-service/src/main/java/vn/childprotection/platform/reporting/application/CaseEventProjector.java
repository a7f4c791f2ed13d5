package vn.childprotection.platform.reporting.application;

import vn.childprotection.platform.contracts.CaseEvent;
import vn.childprotection.platform.contracts.CaseOpened;
import vn.childprotection.platform.contracts.EscalationRaised;
import vn.childprotection.platform.contracts.ReferralIssued;
import vn.childprotection.platform.reporting.application.port.in.ProjectCaseEventUseCase;
import vn.childprotection.platform.reporting.application.port.out.FactStore;
import vn.childprotection.platform.reporting.application.port.out.Revisioned;
import vn.childprotection.platform.reporting.domain.CaseContext;
import vn.childprotection.platform.reporting.domain.Projection;
import vn.childprotection.platform.reporting.domain.ProjectionRules;

import java.time.Clock;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Read the fact, let the {@link ProjectionRules} decide, write it back compare-and-set; on a lost race read again.
 * The ledger entry is written last: a crash in between only means the event is applied again, which the rules make
 * harmless.
 */
public final class CaseEventProjector implements ProjectCaseEventUseCase {

    static final int MAX_ATTEMPTS = 5;

    private final FactStore store;
    private final Clock clock;

    public CaseEventProjector(FactStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Outcome project(CaseEvent event) {
        Outcome outcome = switch (event) {
            case CaseOpened opened -> projectCaseOpened(opened);
            case ReferralIssued issued -> projectReferralIssued(issued);
            // escalations are not reported on yet (a later issue adds them to the case fact)
            case EscalationRaised escalation -> Outcome.IGNORED;
        };
        store.recordProcessed(new FactStore.ProcessedEvent(event.eventId(), event.eventType(), event.caseId(),
                event.occurredAt(), outcome.name(), clock.instant()));
        return outcome;
    }

    private Outcome projectCaseOpened(CaseOpened event) {
        Outcome outcome = compareAndSet(
                () -> store.findCase(event.caseId()),
                current -> ProjectionRules.caseOpened(current, event),
                store::saveCase,
                event.eventId());
        // Referrals seen before their case (or stored before a crash) get the case's context now; idempotent.
        store.findCase(event.caseId()).ifPresent(stored ->
                store.attachCaseContext(event.caseId(), ProjectionRules.referralContext(stored.value())));
        return outcome;
    }

    private Outcome projectReferralIssued(ReferralIssued event) {
        Optional<CaseContext> context = store.findCase(event.caseId())
                .map(Revisioned::value)
                .map(ProjectionRules::referralContext);
        return compareAndSet(
                () -> store.findReferral(event.referralId()),
                current -> ProjectionRules.referralIssued(current, event, context),
                store::saveReferral,
                event.eventId());
    }

    private <F> Outcome compareAndSet(Supplier<Optional<Revisioned<F>>> read,
                                      Function<Optional<F>, Projection<F>> decide,
                                      Saver<F> save,
                                      String eventId) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<Revisioned<F>> current = read.get();
            Projection<F> projection = decide.apply(current.map(Revisioned::value));
            switch (projection) {
                case Projection.Unchanged<F> unchanged -> {
                    return unchanged.reason() == Projection.Reason.DUPLICATE ? Outcome.DUPLICATE : Outcome.STALE;
                }
                case Projection.Applied<F> applied -> {
                    if (save.test(applied.fact(), current.map(Revisioned::revision))) {
                        return Outcome.APPLIED;
                    }
                }
            }
        }
        throw new ConcurrentProjectionException(eventId);
    }

    @FunctionalInterface
    private interface Saver<F> extends BiPredicate<F, Optional<Long>> {
    }

    /** Lost the compare-and-set race too often: retried by the consumer, then dead-lettered. */
    public static final class ConcurrentProjectionException extends RuntimeException {
        public ConcurrentProjectionException(String eventId) {
            super("facts kept changing while projecting event " + eventId);
        }
    }

}
