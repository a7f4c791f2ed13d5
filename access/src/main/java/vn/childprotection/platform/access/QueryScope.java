package vn.childprotection.platform.access;

import java.time.Instant;
import java.util.Set;

/**
 * What a list query must be narrowed to, in the store query itself, for the caller to see only what is theirs; an
 * adapter turns it into its store's criteria. Never a filter applied after loading.
 */
public sealed interface QueryScope {

    /** Every province (a national scope). */
    record Everything() implements QueryScope {
    }

    /** Items of these provinces. */
    record Provinces(Set<String> codes) implements QueryScope {
    }

    /**
     * Referrals addressed to the agency's units: those under {@code unitPrefix} (an officer's unit place, e.g.
     * {@code 11} for {@code 11-POLICE}: unit ids {@code 11-…-POLICE}), or in {@code provinces} for an agency system.
     */
    record AgencyUnits(String agency, String unitPlace, Set<String> provinces) implements QueryScope {
    }

    /** Cases the caller submitted since the instant (an operator's read-back). */
    record SubmittedBy(String subject, Instant since) implements QueryScope {
    }

    /** Nothing: the caller may list none of these. */
    record Nothing() implements QueryScope {
    }

    /** The widest scope any of the caller's roles gives for listing the operation's items. */
    public static QueryScope forList(Actor actor, Operation operation, Instant now) {
        for (Role role : actor.roles()) {
            if (AccessPolicy.permits(role, operation) && (role == Role.COORDINATOR || role == Role.ANALYST)) {
                return provincesOf(actor);
            }
        }
        for (Role role : actor.roles()) {
            if (!AccessPolicy.permits(role, operation)) {
                continue;
            }
            switch (role) {
                case AGENCY_OFFICER -> {
                    return new AgencyUnits(actor.agency(), actor.unitPlace(), Set.of());
                }
                case AGENCY_SYSTEM -> {
                    return new AgencyUnits(actor.agency(), null, actor.provinces());
                }
                case OPERATOR -> {
                    if (operation == Operation.READ_OWN_SUBMISSION) {
                        return new SubmittedBy(actor.subject(), now.minus(AccessPolicy.READ_BACK));
                    }
                    return provincesOf(actor);
                }
                default -> {
                    return new Everything();
                }
            }
        }
        return new Nothing();
    }

    private static QueryScope provincesOf(Actor actor) {
        return actor.national() ? new Everything() : new Provinces(actor.provinces());
    }
}
