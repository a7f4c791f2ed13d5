package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.contracts.ReferralStatus;
import vn.childprotection.platform.contracts.ResponseAction;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The referral lifecycle (S0 Art 7.2: the agency acts on the referral or forwards it, and reports back). Allowed
 * transitions, by the agency's action:
 * <pre>
 * ISSUED       → ACKNOWLEDGED, ACCEPTED, DECLINED, FORWARDED
 * ACKNOWLEDGED → ACCEPTED, DECLINED, FORWARDED
 * ACCEPTED     → IN_PROGRESS, COMPLETED, FORWARDED
 * IN_PROGRESS  → IN_PROGRESS (a progress update: recorded, the status stays), COMPLETED
 * DECLINED, FORWARDED, COMPLETED: terminal
 * </pre>
 * Each action leads to the status of the same name.
 */
public final class ReferralStateMachine {

    private static final Map<ReferralStatus, Set<ResponseAction>> ALLOWED = new EnumMap<>(ReferralStatus.class);

    static {
        ALLOWED.put(ReferralStatus.ISSUED, EnumSet.of(ResponseAction.ACKNOWLEDGED, ResponseAction.ACCEPTED,
                ResponseAction.DECLINED, ResponseAction.FORWARDED));
        ALLOWED.put(ReferralStatus.ACKNOWLEDGED, EnumSet.of(ResponseAction.ACCEPTED, ResponseAction.DECLINED,
                ResponseAction.FORWARDED));
        ALLOWED.put(ReferralStatus.ACCEPTED, EnumSet.of(ResponseAction.IN_PROGRESS, ResponseAction.COMPLETED,
                ResponseAction.FORWARDED));
        ALLOWED.put(ReferralStatus.IN_PROGRESS, EnumSet.of(ResponseAction.IN_PROGRESS, ResponseAction.COMPLETED));
        ALLOWED.put(ReferralStatus.DECLINED, EnumSet.noneOf(ResponseAction.class));
        ALLOWED.put(ReferralStatus.FORWARDED, EnumSet.noneOf(ResponseAction.class));
        ALLOWED.put(ReferralStatus.COMPLETED, EnumSet.noneOf(ResponseAction.class));
    }

    private ReferralStateMachine() {
    }

    /** The status after the action, or empty when the transition is not allowed. */
    public static Optional<ReferralStatus> next(ReferralStatus from, ResponseAction action) {
        if (from == null || action == null || !ALLOWED.get(from).contains(action)) {
            return Optional.empty();
        }
        return Optional.of(target(action));
    }

    /** The actions a referral in this status accepts. */
    public static Set<ResponseAction> allowed(ReferralStatus from) {
        return EnumSet.copyOf(ALLOWED.get(from));
    }

    public static boolean terminal(ReferralStatus status) {
        return status == ReferralStatus.DECLINED || status == ReferralStatus.FORWARDED
                || status == ReferralStatus.COMPLETED;
    }

    private static ReferralStatus target(ResponseAction action) {
        return switch (action) {
            case ACKNOWLEDGED -> ReferralStatus.ACKNOWLEDGED;
            case ACCEPTED -> ReferralStatus.ACCEPTED;
            case IN_PROGRESS -> ReferralStatus.IN_PROGRESS;
            case DECLINED -> ReferralStatus.DECLINED;
            case FORWARDED -> ReferralStatus.FORWARDED;
            case COMPLETED -> ReferralStatus.COMPLETED;
        };
    }
}
