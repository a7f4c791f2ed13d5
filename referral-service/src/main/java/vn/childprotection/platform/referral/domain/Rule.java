package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.contracts.Concern;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One routing rule of a {@link Ruleset}: the concerns it covers, the agencies it sends them to, and why.
 *
 * @param id            stable id, cited by every referral it produces ({@code VN.SEXUAL_ABUSE})
 * @param legalBasis    the clauses the rule implements; {@code null} only for a policy default
 * @param policyDefault true where the seed texts are silent and the platform chose (domain reference, "policy
 *                      default"): such a rule is never presented as law
 * @param note          free text explaining a policy default, or anything else worth knowing
 * @param conditions    when the rule applies (severity, age band, contact type, area); {@link RuleConditions#ANY}
 * @param source        the jurisdiction whose ruleset contributed the rule ({@code VN}, {@code 11}, ...)
 * @param sourceMap     the administrative map that ruleset's codes are written in ({@code VN-2024}), {@code null}:
 *                      the map of the case's day
 */
public record Rule(String id, Set<Concern> concerns, List<AgencyAssignment> agencies, String legalBasis,
                   boolean policyDefault, String note, RuleConditions conditions, String source, String sourceMap) {

    public Rule {
        Objects.requireNonNull(id, "id");
        concerns = Set.copyOf(concerns);
        agencies = List.copyOf(agencies);
        conditions = conditions == null ? RuleConditions.ANY : conditions;
    }

    public Rule(String id, Set<Concern> concerns, List<AgencyAssignment> agencies, String legalBasis,
                boolean policyDefault, String note) {
        this(id, concerns, agencies, legalBasis, policyDefault, note, RuleConditions.ANY, null, null);
    }

    public Rule(String id, Set<Concern> concerns, List<AgencyAssignment> agencies, String legalBasis,
                boolean policyDefault, String note, RuleConditions conditions, String source) {
        this(id, concerns, agencies, legalBasis, policyDefault, note, conditions, source, null);
    }

    public Rule from(String jurisdiction) {
        return from(jurisdiction, sourceMap);
    }

    public Rule from(String jurisdiction, String areaMap) {
        return new Rule(id, concerns, agencies, legalBasis, policyDefault, note, conditions, jurisdiction, areaMap);
    }

    public boolean appliesTo(RoutingFacts facts) {
        return conditions.holdFor(facts, sourceMap);
    }

    public boolean covers(Concern concern) {
        return concerns.contains(concern);
    }

    /** What a referral produced by this rule cites: the legal basis, or an explicit policy-default statement. */
    public String citation(String rulesetVersion) {
        if (legalBasis != null && !legalBasis.isBlank()) {
            return policyDefault ? "Policy default of " + rulesetVersion + " (not law); see " + legalBasis
                    : legalBasis;
        }
        return "Policy default of " + rulesetVersion + " (no legal basis in the seed texts)"
                + (note == null || note.isBlank() ? "" : ": " + note);
    }
}
