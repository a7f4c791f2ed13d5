package vn.childprotection.platform.reporting.application;

import vn.childprotection.platform.reporting.application.port.in.OverviewQuery;
import vn.childprotection.platform.reporting.application.port.out.StatsQuery;
import vn.childprotection.platform.reporting.domain.Overview;
import vn.childprotection.platform.reporting.domain.OverviewAssembler;
import vn.childprotection.platform.reporting.domain.OverviewFilter;

import java.time.Clock;

/** Counts from the facts, then the zero-filled, ordered overview (S0 Art 9.4). */
public final class OverviewService implements OverviewQuery {

    private final StatsQuery stats;
    private final Clock clock;

    public OverviewService(StatsQuery stats, Clock clock) {
        this.stats = stats;
        this.clock = clock;
    }

    @Override
    public Overview overview(OverviewFilter filter) {
        return OverviewAssembler.assemble(stats.overviewCounts(filter), filter, clock.instant());
    }
}
