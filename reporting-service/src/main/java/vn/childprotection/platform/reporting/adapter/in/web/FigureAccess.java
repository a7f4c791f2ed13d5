package vn.childprotection.platform.reporting.adapter.in.web;

import vn.childprotection.platform.access.Actor;
import vn.childprotection.platform.access.Operation;
import vn.childprotection.platform.access.Target;
import vn.childprotection.platform.reporting.domain.Areas;
import vn.childprotection.platform.reporting.domain.StatsFilter;
import vn.childprotection.platform.support.audit.AuditIds;
import vn.childprotection.platform.support.security.AccessGuard;

import java.util.List;
import java.util.function.Supplier;

/**
 * Who sees which figures: the selection narrowed to the caller's province (a province-scoped caller who names none
 * gets its own; one who names another gets the 404 of a province it may not know of), exports and reads of ids
 * audited. National figures need a national scope. The scope is compared with the province of the latest map the
 * figures are for (a caller of An Giang 91 sees the 2024 cases of the former An Giang 89 and Kiên Giang 91, which
 * count under 91). The caller's own codes are taken as they are: a token that still names a former province (89)
 * does not reach the figures of the province it became part of.
 */
final class FigureAccess {

    private final AccessGuard guard;
    private final Areas areas;

    FigureAccess(AccessGuard guard, Areas areas) {
        this.guard = guard;
        this.areas = areas;
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
            String own = actor.provinces().iterator().next();
            filter = filter.withProvince(areas.provinceOnLatestMap(own).orElse(own));
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
