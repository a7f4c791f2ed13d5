package vn.childprotection.platform.referral.application.port.out;

import vn.childprotection.platform.referral.domain.Ruleset;

/** The validated routing ruleset in force (loaded and checked at start-up). */
public interface RulesetSource {

    Ruleset current();
}
