package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.contracts.CaseStatus;
import vn.childprotection.platform.contracts.ReferralOutcome;
import vn.childprotection.platform.contracts.ReferralStatus;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The case's status derived from its referrals' statuses (a pure function):
 * <ul>
 *     <li>RECORDED: no referrals (a counselling contact);</li>
 *     <li>COMPLETED: every PRIMARY/SUPPORTING referral is terminal and at least one of them COMPLETED (INFORMED
 *     referrals never block completion);</li>
 *     <li>IN_PROGRESS: a referral is ACKNOWLEDGED, ACCEPTED or IN_PROGRESS, or some are COMPLETED while others are
 *     still open;</li>
 *     <li>REFERRED: otherwise — every open referral is ISSUED, or every referral ended without any completing (the
 *     case is then back with the standing agency through the triage referral, S0 Art 8.4).</li>
 * </ul>
 */
public final class CaseStatusPolicy {

    private static final Set<ReferralStatus> WORKING = EnumSet.of(ReferralStatus.ACKNOWLEDGED,
            ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS);

    private CaseStatusPolicy() {
    }

    public static CaseStatus derive(List<Referral> referrals) {
        if (referrals.isEmpty()) {
            return CaseStatus.RECORDED;
        }
        List<Referral> counted = referrals.stream().filter(Referral::actionable).toList();
        if (counted.isEmpty()) {
            counted = referrals;
        }
        boolean allEnded = counted.stream().allMatch(Referral::terminal);
        boolean anyCompleted = counted.stream().anyMatch(r -> r.status() == ReferralStatus.COMPLETED);
        if (allEnded && anyCompleted) {
            return CaseStatus.COMPLETED;
        }
        if (referrals.stream().anyMatch(r -> WORKING.contains(r.status()))) {
            return CaseStatus.IN_PROGRESS;
        }
        boolean someCompleted = referrals.stream().anyMatch(r -> r.status() == ReferralStatus.COMPLETED);
        boolean someOpen = referrals.stream().anyMatch(Referral::open);
        if (someCompleted && someOpen) {
            return CaseStatus.IN_PROGRESS;
        }
        return CaseStatus.REFERRED;
    }

    /** The distinct outcomes of the completed referrals, in the order they were completed. */
    public static List<ReferralOutcome> outcomes(List<Referral> referrals) {
        return referrals.stream().filter(r -> r.status() == ReferralStatus.COMPLETED)
                .flatMap(r -> r.outcome().stream()).distinct().toList();
    }
}
