package vn.childprotection.platform.referral.domain;

import java.util.List;
import java.util.Optional;

/**
 * Where a report goes under one ruleset version: each agency once, sorted by role (PRIMARY first) then agency code,
 * so that equal inputs give equal decisions whatever the order of the concerns.
 */
public record RoutingDecision(String rulesetVersion, List<RoutedAgency> agencies) {

    public RoutingDecision {
        agencies = List.copyOf(agencies);
    }

    /** A counselling contact: counted, never referred (domain reference, "The flow a case takes" 1). */
    public static RoutingDecision none(String rulesetVersion) {
        return new RoutingDecision(rulesetVersion, List.of());
    }

    public boolean routed() {
        return !agencies.isEmpty();
    }

    public Optional<RoutedAgency> agency(String code) {
        return agencies.stream().filter(a -> a.agency().equals(code)).findFirst();
    }
}
