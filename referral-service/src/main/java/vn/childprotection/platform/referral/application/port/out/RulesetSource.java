package vn.childprotection.platform.referral.application.port.out;

import vn.childprotection.platform.referral.domain.RoutingEnvironment;
import vn.childprotection.platform.referral.domain.Ruleset;

import java.time.LocalDate;

/**
 * The routing data loaded and validated at start-up: every ruleset version of every jurisdiction, the area lists, the
 * agency directory and the deadline policy.
 */
public interface RulesetSource {

    RoutingEnvironment routing();

    /** The merged ruleset in force for a province (or the national one, {@code null}) on a day. */
    default Ruleset inForce(String provinceCode, LocalDate day) {
        return routing().rulesetOn(provinceCode, day);
    }
}
