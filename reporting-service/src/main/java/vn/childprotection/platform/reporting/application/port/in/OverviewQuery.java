package vn.childprotection.platform.reporting.application.port.in;

import vn.childprotection.platform.reporting.domain.Overview;
import vn.childprotection.platform.reporting.domain.OverviewFilter;

/** The headline figures for a period and province (S0 Art 9.4). */
public interface OverviewQuery {

    Overview overview(OverviewFilter filter);
}
