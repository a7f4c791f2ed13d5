package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.contracts.Location;

import java.util.List;
import java.util.Optional;

/**
 * Everything routing decides for a report: referrals, escalation, triage, and the versions used.
 *
 * @param location  the place in the codes of {@code areaListVersion} (the map of the day of receipt)
 * @param areaNotes what was done to the report's area codes to place them (a district or an old province mapped)
 */
public record RoutingPlan(String rulesetVersion, String areaListVersion, List<PlannedReferral> referrals,
                          Optional<Escalation> escalation, Triage triage, Location location, List<String> areaNotes) {

    public RoutingPlan {
        referrals = List.copyOf(referrals);
        areaNotes = areaNotes == null ? List.of() : List.copyOf(areaNotes);
    }
}
