package vn.childprotection.platform.referral.domain;

import java.util.List;
import java.util.Optional;

/** Everything routing decides for a report: referrals, escalation, triage, and the versions used. */
public record RoutingPlan(String rulesetVersion, String areaListVersion, List<PlannedReferral> referrals,
                          Optional<Escalation> escalation, Triage triage) {

    public RoutingPlan {
        referrals = List.copyOf(referrals);
    }
}
