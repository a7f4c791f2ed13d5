package vn.childprotection.platform.reporting.application;

import vn.childprotection.platform.reporting.application.port.out.FactReader;
import vn.childprotection.platform.reporting.application.port.out.FactStore;
import vn.childprotection.platform.reporting.application.port.out.Revisioned;
import vn.childprotection.platform.reporting.domain.Areas;
import vn.childprotection.platform.reporting.domain.CaseFact;
import vn.childprotection.platform.reporting.domain.FactSet;
import vn.childprotection.platform.reporting.domain.Granularity;
import vn.childprotection.platform.reporting.domain.Indicators;
import vn.childprotection.platform.reporting.domain.Overview;
import vn.childprotection.platform.reporting.domain.ReportCalendar;
import vn.childprotection.platform.reporting.domain.ReportingPeriod;
import vn.childprotection.platform.reporting.domain.StatsCalculator;
import vn.childprotection.platform.reporting.domain.StatsFilter;
import vn.childprotection.platform.reporting.domain.Views;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Every view the sectors report to the standing agency (S0 Art 4.7, 9.4; S2 VIII.1): the facts of the active
 * generation narrowed by period and place, then the figures computed in plain Java ({@link StatsCalculator},
 * {@link Indicators}), within {@link Limits}: a selection over the fact budget is refused, never read whole.
 */
public final class StatsService {

    private final FactReader reader;
    private final FactStore store;
    private final ProjectionTargets targets;
    private final Indicators.Catalog indicators;
    private final ReportCalendar calendar;
    private final Areas areas;
    private final Clock clock;
    private final Limits limits;
    private final Semaphore slots;

    public StatsService(FactReader reader, FactStore store, ProjectionTargets targets, Indicators.Catalog indicators,
                        ReportCalendar calendar, Areas areas, Clock clock, Limits limits) {
        this.limits = limits;
        this.slots = new Semaphore(limits.concurrentSelections(), true);
        this.reader = reader;
        this.store = store;
        this.targets = targets;
        this.indicators = indicators;
        this.calendar = calendar;
        this.areas = areas;
        this.clock = clock;
    }

    /**
     * Computes figures from the facts the filter selects, holding one of the computation slots meanwhile: the facts
     * are in memory until the figures are, so the slots and the fact budget bound the heap a statistics request can
     * take, whatever the store holds.
     *
     * @throws StatsBusyException when no slot frees within the wait
     * @throws vn.childprotection.platform.reporting.application.port.out.TooManyFactsException when the selection
     *         holds more facts than the budget
     */
    private <T> T computed(StatsFilter filter, Function<FactSet, T> figures) {
        try {
            if (!slots.tryAcquire(limits.slotWait().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new StatsBusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StatsBusyException();
        }
        try {
            return figures.apply(reader.load(targets.active(), filter, limits.maxFacts()));
        } finally {
            slots.release();
        }
    }

    public Overview overview(StatsFilter filter) {
        return computed(filter, facts -> StatsCalculator.overview(facts, filter, clock.instant()));
    }

    public Views.Timeseries timeseries(StatsFilter filter, Granularity granularity) {
        return computed(filter, facts -> StatsCalculator.timeseries(facts, granularity));
    }

    public Views.Breakdown breakdown(StatsFilter filter, StatsCalculator.Dimension by) {
        return computed(filter, facts -> StatsCalculator.breakdown(facts, by));
    }

    public List<Views.FunnelRow> funnel(StatsFilter filter) {
        return computed(filter, facts -> StatsCalculator.funnel(facts, clock.instant()));
    }

    public List<Indicators.Value> indicators(StatsFilter filter) {
        return computed(filter, facts -> Indicators.compute(indicators, facts, filter.province(), clock.instant()));
    }

    public List<Views.OverdueRow> overdue(StatsFilter filter) {
        return computed(filter, facts -> StatsCalculator.overdue(facts, clock.instant()));
    }

    public List<Views.RepeatRow> repeats(StatsFilter filter) {
        return computed(filter, StatsCalculator::repeats);
    }

    /** One case's fact with its number of referral facts (the benchmark times the projection with it). */
    public Optional<CaseSummary> caseFact(String caseId) {
        long generation = targets.active();
        return store.findCase(generation, caseId).map(Revisioned::value)
                .map(fact -> new CaseSummary(fact, reader.referralsOf(generation, caseId).size()));
    }

    public List<ReportCalendar.DueReport> calendar(String province, int year) {
        return calendar.dueIn(province, year);
    }

    /**
     * The periodic report of a province of the latest map for a quarter, half-year or year (S0 Art 9.4; S2
     * B.VIII.1), its former parts included. The places below the province follow the maps of the period's days: by
     * district for days until 30 June 2025, by commune from 1 July 2025 (a period across the change has both).
     */
    public PeriodicReport periodic(String province, ReportingPeriod period) {
        StatsFilter filter = new StatsFilter(period, province, null, null, null);
        List<StatsCalculator.Dimension> places = areas.mapsDuring(period.from(), period.to()).stream()
                .map(map -> map.hasDistricts() ? StatsCalculator.Dimension.DISTRICT
                        : StatsCalculator.Dimension.COMMUNE).distinct().toList();
        return computed(filter, facts -> {
            Instant now = clock.instant();
            List<Views.Breakdown> breakdowns = new ArrayList<>();
            places.forEach(place -> breakdowns.add(StatsCalculator.breakdown(facts, place)));
            for (StatsCalculator.Dimension by : List.of(StatsCalculator.Dimension.CONCERN,
                    StatsCalculator.Dimension.AGENCY, StatsCalculator.Dimension.SEVERITY,
                    StatsCalculator.Dimension.CHANNEL)) {
                breakdowns.add(StatsCalculator.breakdown(facts, by));
            }
            return new PeriodicReport(province, areas.provinceName(province), period, now,
                    StatsCalculator.overview(facts, filter, now), breakdowns,
                    Indicators.compute(indicators, facts, province, now),
                    StatsCalculator.funnel(facts, now),
                    StatsCalculator.overdue(facts, now),
                    calendar.dueIn(province, period.to().getYear()).stream()
                            .filter(due -> due.period().equals(period.label())).toList(),
                    areas);
        });
    }

    /**
     * What one instance spends on figures at most.
     *
     * @param maxFacts             facts (cases, referrals, notifications) one computation may read
     * @param concurrentSelections computations at once
     * @param slotWait             how long a request waits for a computation slot before it is answered busy
     */
    public record Limits(long maxFacts, int concurrentSelections, Duration slotWait) {

        public Limits {
            if (maxFacts < 1 || concurrentSelections < 1 || slotWait == null || slotWait.isNegative()) {
                throw new IllegalArgumentException("figures' limits must be positive: " + maxFacts + ", "
                        + concurrentSelections + ", " + slotWait);
            }
        }
    }

    public record CaseSummary(CaseFact fact, int referrals) {
    }

    /** Everything the printable periodic report shows. */
    public record PeriodicReport(String province, String provinceName, ReportingPeriod period, Instant generatedAt,
                                 Overview overview, List<Views.Breakdown> breakdowns,
                                 List<Indicators.Value> indicators, List<Views.FunnelRow> funnel,
                                 List<Views.OverdueRow> overdue, List<ReportCalendar.DueReport> due, Areas areas) {
    }
}
