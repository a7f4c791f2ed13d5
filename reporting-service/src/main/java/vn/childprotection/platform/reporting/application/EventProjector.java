package vn.childprotection.platform.reporting.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import vn.childprotection.platform.contracts.CaseEvent;
import vn.childprotection.platform.contracts.CaseOpened;
import vn.childprotection.platform.contracts.Event;
import vn.childprotection.platform.contracts.NotificationEvent;
import vn.childprotection.platform.reporting.application.port.out.FactStore;
import vn.childprotection.platform.reporting.application.port.out.ProjectionListener;
import vn.childprotection.platform.reporting.application.port.out.Revisioned;
import vn.childprotection.platform.reporting.domain.Areas;
import vn.childprotection.platform.reporting.domain.CaseContext;
import vn.childprotection.platform.reporting.domain.CaseFact;
import vn.childprotection.platform.reporting.domain.NotificationFact;
import vn.childprotection.platform.reporting.domain.ProjectionOutcome;
import vn.childprotection.platform.reporting.domain.ProjectionRules;
import vn.childprotection.platform.reporting.domain.ReferralFact;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The live projection: read the fact, let the {@link ProjectionRules} decide, write it back compare-and-set (on a
 * lost race read again), into the active generation and — during a rebuild — the one being built
 * ({@link ProjectionTargets}). The ledger entry is written last: a crash in between only means the event is applied
 * again, which the rules make harmless (the fact knows the event's id).
 *
 * <p>A new referral fact takes its case's {@link CaseContext}. The context is copied from the case's
 * {@code CaseOpened} and never changes afterwards, so the contexts of recently opened cases are kept in a bounded cache
 * and a referral's case fact is read only on a miss: the read cost one store query per referral, about 3 of the 21
 * the projection made per report (bench load, the driver's command counts).
 *
 * <p>The event that normally comes first for its fact ({@link ProjectionRules#usuallyCreatesItsFact}) is tried as an
 * insert without a read: the fact is new nearly always, and when it is not (a redelivery, a replay, events out of
 * order) the insert is refused by the unique id and the usual read, apply and compare-and-set follow. That spares one
 * read per case and per referral.
 */
public final class EventProjector {

    static final int MAX_ATTEMPTS = 5;

    /** Contexts kept by default: about 300 bytes each. */
    public static final int DEFAULT_CASE_CONTEXT_CACHE_SIZE = 20_000;

    private final FactStore store;
    private final ProjectionTargets targets;
    private final ProjectionListener listener;
    private final Clock clock;
    private final Areas areas;
    private final AtomicLong applied = new AtomicLong();
    /** case id → the context of an opened case (the same in every generation: it comes from CaseOpened alone) */
    private final Cache<String, CaseContext> openedContexts;

    public EventProjector(FactStore store, ProjectionTargets targets, ProjectionListener listener, Clock clock,
                          Areas areas) {
        this(store, targets, listener, clock, areas, DEFAULT_CASE_CONTEXT_CACHE_SIZE);
    }

    /**
     * @param areas                places each opened case on the map of its day
     * @param caseContextCacheSize how many opened cases' contexts are kept in memory (0: none)
     */
    public EventProjector(FactStore store, ProjectionTargets targets, ProjectionListener listener, Clock clock,
                          Areas areas, int caseContextCacheSize) {
        if (caseContextCacheSize < 0) {
            throw new IllegalArgumentException("the case context cache size must not be negative");
        }
        this.store = store;
        this.targets = targets;
        this.listener = listener;
        this.clock = clock;
        this.areas = areas;
        this.openedContexts = Caffeine.newBuilder().maximumSize(caseContextCacheSize)
                .executor(Runnable::run).build(); // evicts on the writing thread, at once
    }

    /** Projects one live event (case or notification) into the facts; safe to call again with the same event. */
    public ProjectionOutcome project(Event event) {
        ProjectionOutcome outcome = targets.live(event, generation -> projectInto(generation, event));
        store.recordProcessed(new FactStore.ProcessedEvent(event.eventId(), event.eventType(), event.caseId(),
                event.occurredAt(), outcome.name(), clock.instant()));
        if (outcome == ProjectionOutcome.APPLIED || outcome == ProjectionOutcome.STALE) {
            listener.projectionsChanged(applied.incrementAndGet());
        }
        return outcome;
    }

    /** Applies events kept during a rebuild to the generation being built (duplicates of folded ones change nothing). */
    public void applyTo(long generation, List<Event> events) {
        events.forEach(event -> projectInto(generation, event));
    }

    public long eventsApplied() {
        return applied.get();
    }

    /** The maps the projection places cases on (a rebuild folds with the same). */
    public Areas areas() {
        return areas;
    }

    ProjectionOutcome projectInto(long generation, Event event) {
        return switch (event) {
            case CaseEvent caseEvent when !ProjectionRules.counts(caseEvent) -> ProjectionOutcome.IGNORED;
            case CaseEvent caseEvent -> ProjectionRules.referralIdOf(caseEvent)
                    .map(referralId -> projectReferral(generation, referralId, caseEvent))
                    .orElseGet(() -> projectCase(generation, caseEvent));
            case NotificationEvent notification -> store.saveNotification(generation,
                    NotificationFact.of(notification)) ? ProjectionOutcome.APPLIED : ProjectionOutcome.DUPLICATE;
            default -> ProjectionOutcome.IGNORED;
        };
    }

    private ProjectionOutcome projectCase(long generation, CaseEvent event) {
        Projected<CaseFact> projected = compareAndSet(ProjectionRules.usuallyCreatesItsFact(event),
                () -> store.findCase(generation, event.caseId()),
                () -> new CaseFact(event.caseId()),
                fact -> ProjectionRules.applyToCase(fact, event, areas),
                (fact, revision) -> store.saveCase(generation, fact, revision),
                event.eventId());
        if (event instanceof CaseOpened && projected.fact().opened()) {
            // the fact as stored (saved now, or found with this event already applied): referrals seen before their
            // case (or stored before a crash) get the case's context now; idempotent
            CaseContext context = projected.fact().context();
            openedContexts.put(event.caseId(), context);
            store.attachCaseContext(generation, event.caseId(), context);
        }
        return projected.outcome();
    }

    private ProjectionOutcome projectReferral(long generation, String referralId, CaseEvent event) {
        return compareAndSet(ProjectionRules.usuallyCreatesItsFact(event),
                () -> store.findReferral(generation, referralId),
                () -> new ReferralFact(referralId, event.caseId()),
                fact -> {
                    ProjectionOutcome outcome = ProjectionRules.applyToReferral(fact, event);
                    if (outcome != ProjectionOutcome.DUPLICATE && fact.caseContext() == null) {
                        openedContext(generation, event.caseId()).ifPresent(fact::caseContext);
                    }
                    return outcome;
                },
                (fact, revision) -> store.saveReferral(generation, fact, revision),
                event.eventId()).outcome();
    }

    /** The context of the case once it is opened: from the cache, else from its fact (then kept). */
    private Optional<CaseContext> openedContext(long generation, String caseId) {
        CaseContext cached = openedContexts.getIfPresent(caseId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<CaseContext> stored = store.findCase(generation, caseId).map(Revisioned::value)
                .filter(CaseFact::opened).map(CaseFact::context);
        stored.ifPresent(context -> openedContexts.put(caseId, context));
        return stored;
    }

    /**
     * @param insertFirst first try to insert a new fact without reading (refused when the fact exists; then as usual)
     * @return the outcome, with the fact as this call left it in the store (saved, or found unchanged)
     */
    private <F> Projected<F> compareAndSet(boolean insertFirst, Supplier<Optional<Revisioned<F>>> read,
                                           Supplier<F> create, Function<F, ProjectionOutcome> apply, Saver<F> save,
                                           String eventId) {
        if (insertFirst) {
            F fact = create.get();
            ProjectionOutcome outcome = apply.apply(fact);
            if (outcome != ProjectionOutcome.DUPLICATE && outcome != ProjectionOutcome.IGNORED
                    && save.save(fact, Optional.empty())) {
                return new Projected<>(outcome, fact);
            }
        }
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<Revisioned<F>> current = read.get();
            F fact = current.map(Revisioned::value).orElseGet(create);
            ProjectionOutcome outcome = apply.apply(fact);
            if (outcome == ProjectionOutcome.DUPLICATE || outcome == ProjectionOutcome.IGNORED) {
                return new Projected<>(outcome, fact);
            }
            if (save.save(fact, current.map(Revisioned::revision))) {
                return new Projected<>(outcome, fact);
            }
        }
        throw new ConcurrentProjectionException(eventId);
    }

    private record Projected<F>(ProjectionOutcome outcome, F fact) {
    }

    @FunctionalInterface
    private interface Saver<F> {
        boolean save(F fact, Optional<Long> expectedRevision);
    }

    /** Lost the compare-and-set race too often: retried by the consumer, then dead-lettered. */
    public static final class ConcurrentProjectionException extends RuntimeException {
        public ConcurrentProjectionException(String eventId) {
            super("facts kept changing while projecting event " + eventId);
        }
    }
}
