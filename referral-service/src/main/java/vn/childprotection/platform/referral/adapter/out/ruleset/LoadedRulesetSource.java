package vn.childprotection.platform.referral.adapter.out.ruleset;

import vn.childprotection.platform.referral.application.port.out.RulesetSource;
import vn.childprotection.platform.referral.domain.RoutingEnvironment;

/** The routing data as loaded and validated at start-up (immutable; a new ruleset version needs a restart). */
public final class LoadedRulesetSource implements RulesetSource {

    private final RoutingEnvironment routing;

    public LoadedRulesetSource(RoutingEnvironment routing) {
        this.routing = routing;
    }

    @Override
    public RoutingEnvironment routing() {
        return routing;
    }
}
