package vn.childprotection.platform.referral.adapter.out.ruleset;

import vn.childprotection.platform.referral.application.port.out.RulesetSource;
import vn.childprotection.platform.referral.domain.Ruleset;

/**
 * The ruleset loaded and validated at start-up. Effective-dated selection among several versions (and provincial
 * rulesets by jurisdiction) replaces this when the rules engine arrives.
 */
public final class StaticRulesetSource implements RulesetSource {

    private final Ruleset ruleset;

    public StaticRulesetSource(Ruleset ruleset) {
        this.ruleset = ruleset;
    }

    @Override
    public Ruleset current() {
        return ruleset;
    }
}
