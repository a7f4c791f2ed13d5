package vn.childprotection.platform.support.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.childprotection.platform.access.AccessPolicy;
import vn.childprotection.platform.access.Actor;
import vn.childprotection.platform.access.Decision;
import vn.childprotection.platform.access.Operation;
import vn.childprotection.platform.access.QueryScope;
import vn.childprotection.platform.access.Role;
import vn.childprotection.platform.access.Target;
import vn.childprotection.platform.access.audit.AuditRecord;
import vn.childprotection.platform.support.audit.AuditIds;
import vn.childprotection.platform.support.audit.AuditTrail;
import vn.childprotection.platform.support.audit.AuditUnavailableException;

import java.time.Clock;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What a controller asks before it answers: may this caller do this here ({@link AccessPolicy}), narrowed to which
 * scope ({@link QueryScope}), and the audit record of what was allowed or refused. A refusal is recorded before it is
 * thrown; an allowed read or action is recorded (durably) by the controller before it answers.
 */
public final class AccessGuard {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AccessGuard.class);
    private static final int MAX_RESOURCE = 300;
    private static final int MAX_REASON = 1000;

    private final AuditTrail audit;
    private final Clock clock;

    public AccessGuard(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Returns when the caller may do the operation on the target; otherwise records the refusal and throws: 403
     * ({@link AccessRefusedException}) when no role of the caller may, the supplied not-found exception (404, the
     * same answer as for a resource that does not exist) when the target is outside the caller's scope.
     */
    public void require(Actor actor, Operation operation, Target target, AuditIds ids,
                        Supplier<? extends RuntimeException> notFound) {
        switch (AccessPolicy.decide(actor, operation, target, clock.instant())) {
            case Decision.Allowed ignored -> {
            }
            case Decision.Forbidden(String reason) -> {
                refused(actor, operation, ids, 403, reason);
                throw new AccessRefusedException(reason);
            }
            case Decision.Hidden(String reason) -> {
                refused(actor, operation, ids, 404, reason);
                throw notFound.get();
            }
        }
    }

    /** Returns when one of the caller's roles may ever do the operation; otherwise records and throws a 403. */
    public void requireRole(Actor actor, Operation operation) {
        require(actor, operation, new Target.Platform(), AuditIds.none(), () -> new AccessRefusedException(
                "no role of the caller may " + operation));
    }

    /** The scope a list query for the operation must be narrowed to, in the store query. */
    public QueryScope scope(Actor actor, Operation operation) {
        return QueryScope.forList(actor, operation, clock.instant());
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Records an action before it is carried out (the decision to let it happen, with the status it is meant to
     * answer): an action whose record could not be made durable is not carried out (503), so nothing happens without
     * its record. If the action then does not succeed, {@link Attempt#failed} adds what it was answered.
     */
    public Attempt attempt(Actor actor, Operation operation, AuditIds ids, int status) {
        allowed(actor, operation, ids, status);
        return new Attempt(actor, operation, ids);
    }

    /** An action recorded before it was carried out. */
    public final class Attempt {

        private final Actor actor;
        private final Operation operation;
        private final AuditIds ids;

        private Attempt(Actor actor, Operation operation, AuditIds ids) {
            this.actor = actor;
            this.operation = operation;
            this.ids = ids;
        }

        /**
         * The action was not carried out after all (a conflict, an unavailable store): a second record says so, as
         * far as the trail can take it — the first record is durable already, and the answer is an error anyway.
         */
        public void failed(int status, String reason) {
            try {
                refused(actor, operation, ids, status, reason);
            } catch (AuditUnavailableException e) {
                LOG.warn("the audit record of a failed {} could not be kept: {}", operation, e.getMessage());
            }
        }
    }

    /** Records an allowed read or action, durably, before the caller answers it. */
    public void allowed(Actor actor, Operation operation, AuditIds ids, int status) {
        allowed(actor, operation, ids, status, null);
    }

    /** Records an allowed action that carries a written reason (a break-glass reveal). */
    public void allowed(Actor actor, Operation operation, AuditIds ids, int status, String reason) {
        audit.record(draft(actor, operation.name(), ids, AuditRecord.Outcome.ALLOWED, status, reason));
    }

    /** Records a refusal the caller answers itself (a body claiming another agency, …). */
    public void refused(Actor actor, Operation operation, AuditIds ids, int status, String reason) {
        audit.record(draft(actor, operation.name(), ids, AuditRecord.Outcome.REFUSED, status, reason));
    }

    /** Records a request refused before any actor was known (no valid token). */
    void unauthenticated(String reason) {
        audit.record(draft(null, AuditRecord.AUTHENTICATE, AuditIds.none(), AuditRecord.Outcome.REFUSED, 401,
                reason));
    }

    private AuditRecord draft(Actor actor, String action, AuditIds ids, AuditRecord.Outcome outcome, int status,
                              String reason) {
        HttpServletRequest request = currentRequest();
        String resource = request == null ? null : truncate(request.getMethod() + " " + request.getRequestURI(),
                MAX_RESOURCE);
        String address = request == null ? null : request.getRemoteAddr();
        return new AuditRecord(null, 0, clock.instant(),
                actor == null ? null : actor.subject(),
                actor == null ? null : actor.roles().stream().map(Role::claim).sorted()
                        .collect(Collectors.joining(",")),
                actor == null ? null : actor.agency(),
                actor == null ? null : actor.unit(),
                actor == null ? null : actor.client(),
                action, resource, ids.caseId(), ids.referralId(), ids.notificationId(), outcome, status, address,
                reason == null ? null : truncate(reason, MAX_REASON), null, null);
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
