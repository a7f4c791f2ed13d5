package vn.childprotection.platform.reporting.application.port.out;

import vn.childprotection.platform.reporting.domain.OverviewCounts;
import vn.childprotection.platform.reporting.domain.OverviewFilter;

/** Counts computed from the fact documents (never from per-event counters). */
public interface StatsQuery {

    OverviewCounts overviewCounts(OverviewFilter filter);
}
