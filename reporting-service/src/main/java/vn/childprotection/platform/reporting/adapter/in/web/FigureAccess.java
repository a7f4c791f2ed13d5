package vn.childprotection.platform.reporting.adapter.in.web;

import vn.childprotection.platform.access.Actor;
import vn.childprotection.platform.access.Operation;
import vn.childprotection.platform.access.Target;
import vn.childprotection.platform.reporting.domain.StatsFilter;
import vn.childprotection.platform.support.audit.AuditIds;
import vn.childprotection.platform.support.security.AccessGuard;

import java.util.List;
import java.util.function.Supplier;

/**
 * Who sees which figures: the selection narrowed to the caller's province (a province-scoped caller who names none
 * gets its own; one who names another gets the 404 of a province it may not know of), exports and reads of ids
 * audited. National figures need a national scope.
 */
final class FigureAccess {

    private final AccessGuard guard;

    FigureAccess(AccessGuard guard) {
        this.guard = guard;
    }

    /** The filter the caller may have figures for, after the role check for the operation. */
    StatsFilter filter(Actor actor, Operation operation, Supplier<StatsFilter> asked) {
        guard.requireRole(actor, operation);
        StatsFilter filter = asked.get();
        if (filter.province() == null && !actor.national()) {
            if (actor.provinces().size() != 1) {
                throw new InvalidParametersException(List.of(FilterParser.error("province",
                        "is required: the caller's scope is several provinces")));
            }
            filter = filter.withProvince(actor.provinces().iterator().next());
        }
        province(actor, operation, filter.province());
        return filter;
    }

    /** Returns when the caller's scope reaches the province ({@code null}: national); otherwise a 404. */
    void province(Actor actor, Operation operation, String province) {
        guard.require(actor, operation, new Target.Province(province), AuditIds.none(),
                () -> new NotFoundException("province " + province));
    }

    /** An export, or a read of case ids or pseudonyms: an audit record before the answer. */
    void recorded(Actor actor, Operation operation) {
        guard.allowed(actor, operation, AuditIds.none(), 200);
    }

    void requireRole(Actor actor, Operation operation) {
        guard.requireRole(actor, operation);
    }
}
