package vn.childprotection.platform.access;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static vn.childprotection.platform.access.Operation.*;

/**
 * Deny by default: what each role may do ({@link #permits}), and whether the caller's scope reaches the resource
 * ({@link #decide}). docs/authorization.md is this table in prose; a test keeps the two equal.
 */
public final class AccessPolicy {

    /**
     * How long an operator may read back a case they submitted: long enough to confirm its routing to the caller.
     * Policy default; no source text sets it.
     */
    public static final Duration READ_BACK = Duration.ofHours(24);

    private static final Map<Role, Set<Operation>> PERMITTED = new EnumMap<>(Role.class);

    static {
        PERMITTED.put(Role.OPERATOR, EnumSet.of(SUBMIT_REPORT, PREVIEW_ROUTING, READ_OWN_SUBMISSION));
        PERMITTED.put(Role.AGENCY_OFFICER, EnumSet.of(LIST_REFERRALS, READ_REFERRAL, RESPOND_TO_REFERRAL));
        PERMITTED.put(Role.AGENCY_SYSTEM, EnumSet.of(LIST_REFERRALS, READ_REFERRAL, RESPOND_TO_REFERRAL));
        // the standing agency coordinates and reports the province's figures (S0 Art 8, 9.4): figures too, a
        // policy default
        PERMITTED.put(Role.COORDINATOR, EnumSet.of(LIST_REFERRALS, READ_REFERRAL, LIST_CASES, READ_CASE,
                READ_TRIAGE_QUEUE, READ_OVERDUE, LIST_NOTIFICATIONS, RETRY_NOTIFICATION, REVEAL_INFORMANT,
                ERASE_PERSONAL_DATA, READ_FIGURES, EXPORT_FIGURES));
        PERMITTED.put(Role.ANALYST, EnumSet.of(READ_FIGURES, EXPORT_FIGURES));
        PERMITTED.put(Role.ADMIN, EnumSet.of(REBUILD_PROJECTIONS, READ_OPERATIONS));
        PERMITTED.put(Role.AUDITOR, EnumSet.of(READ_AUDIT, EXPORT_AUDIT, VERIFY_AUDIT_CHAIN));
    }

    private AccessPolicy() {
    }

    /** Whether the role may ever do the operation, on anything. */
    public static boolean permits(Role role, Operation operation) {
        return PERMITTED.get(role).contains(operation);
    }

    /**
     * Allowed when one of the caller's roles permits the operation and its scope reaches the target; Hidden when a
     * role permits it but not there; Forbidden when no role permits it, or when it would create something outside
     * the caller's scope (a report for another province: nothing exists yet to hide).
     */
    public static Decision decide(Actor actor, Operation operation, Target target, Instant now) {
        boolean permitted = false;
        String outOfScope = null;
        for (Role role : actor.roles()) {
            if (!permits(role, operation)) {
                continue;
            }
            permitted = true;
            String refusal = scopeRefusal(actor, role, operation, target, now);
            if (refusal == null) {
                return new Decision.Allowed();
            }
            outOfScope = refusal;
        }
        if (!permitted) {
            return new Decision.Forbidden("no role of the caller may " + operation);
        }
        return switch (operation) {
            case SUBMIT_REPORT, PREVIEW_ROUTING -> new Decision.Forbidden(outOfScope);
            default -> new Decision.Hidden(outOfScope);
        };
    }

    /** {@code null} when the role's scope reaches the target, otherwise why not. */
    private static String scopeRefusal(Actor actor, Role role, Operation operation, Target target, Instant now) {
        return switch (target) {
            case Target.Platform ignored -> null;
            case Target.Province(String code) -> code == null
                    ? (actor.national() ? null : "national figures need a national scope")
                    : provinceRefusal(actor, code);
            case Target.Referral(String province, String unit) -> switch (role) {
                case AGENCY_OFFICER, AGENCY_SYSTEM -> actor.coversUnit(unit) ? null
                        : "the referral is addressed to a unit outside the caller's";
                default -> provinceRefusal(actor, province);
            };
            case Target.Submission(String province, String submittedBy, Instant submittedAt) -> {
                if (role != Role.OPERATOR || operation != READ_OWN_SUBMISSION) {
                    yield provinceRefusal(actor, province);
                }
                if (!actor.subject().equals(submittedBy)) {
                    yield "submitted by another operator";
                }
                yield now.isBefore(submittedAt.plus(READ_BACK)) ? null : "submitted more than " + READ_BACK.toHours()
                        + " hours ago";
            }
        };
    }

    private static String provinceRefusal(Actor actor, String province) {
        return actor.coversProvince(province) ? null : "province " + province + " is outside the caller's scope";
    }

    /**
     * The answering agency and unit are the credential's, never the body's: a body that names another agency or a
     * unit outside the caller's is refused (and the edge records the refusal).
     */
    public static Decision checkClaimedResponder(Actor actor, String claimedAgency, String claimedUnit) {
        if (claimedAgency != null && !claimedAgency.equals(actor.agency())) {
            return new Decision.Forbidden("the body names agency " + claimedAgency + ", the credential "
                    + actor.agency());
        }
        if (claimedUnit != null && !actor.coversUnit(claimedUnit)) {
            return new Decision.Forbidden("the body names unit " + claimedUnit + ", outside the credential's");
        }
        return new Decision.Allowed();
    }
}
