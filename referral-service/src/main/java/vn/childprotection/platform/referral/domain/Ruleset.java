package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.contracts.Concern;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A validated, versioned routing ruleset: data, not code (domain reference: "Areas, agencies and rules must therefore
 * be data, effective-dated"). Build one from a {@link RulesetDefinition} through {@link RulesetValidator}; a later
 * issue adds provincial rulesets (jurisdiction) that may add agencies and rules without code changes.
 */
public record Ruleset(String version, LocalDate effectiveFrom, String jurisdiction, StandingAgency standingAgency,
                      List<Rule> rules) {

    public Ruleset {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(standingAgency, "standingAgency");
        rules = List.copyOf(rules);
    }

    /** The rules covering a concern, in file order. */
    public List<Rule> rulesFor(Concern concern) {
        return rules.stream().filter(rule -> rule.covers(concern)).toList();
    }

    /** Every agency code the ruleset can route to, the standing agency first. */
    public Set<String> agencies() {
        Set<String> agencies = new LinkedHashSet<>();
        agencies.add(standingAgency.agency());
        rules.forEach(rule -> rule.agencies().forEach(a -> agencies.add(a.agency())));
        return agencies;
    }
}
