package vn.childprotection.platform.intake.application.port.out;

import vn.childprotection.platform.contracts.Severity;

/**
 * Whether routing keeps up: the reports of a lane already accepted and not yet routed. A report is accepted only
 * while its lane's backlog is below a bound, so that a 202 keeps its promise of routing within minutes, not hours,
 * under a sustained overload; an EMERGENCY report has a lane of its own, which a backlog of the others never fills.
 */
public interface RoutingBacklog {

    /** {@code true} while the lane of a report of this severity takes more reports (also when it is not known). */
    boolean admits(Severity severity);
}
