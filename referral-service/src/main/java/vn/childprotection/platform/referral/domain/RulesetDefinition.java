package vn.childprotection.platform.referral.domain;

import java.util.List;

/**
 * A ruleset as read from its source, not yet checked: plain strings, so that every mistake in the file can be
 * reported as a {@link RulesetProblem} rather than a parse error. {@link RulesetValidator} turns it into a
 * {@link Ruleset}.
 */
public record RulesetDefinition(String version, String effectiveFrom, String jurisdiction,
                                StandingAgencyDefinition standingAgency, List<RuleDefinition> rules) {

    public RulesetDefinition {
        rules = rules == null ? List.of() : rules.stream().toList();
    }

    public record StandingAgencyDefinition(String agency, String ruleId, String legalBasis) {
    }

    public record RuleDefinition(String id, List<String> concerns, List<AgencyDefinition> agencies, String legalBasis,
                                 Boolean policyDefault, String note) {

        public RuleDefinition {
            concerns = concerns == null ? List.of() : concerns.stream().toList();
            agencies = agencies == null ? List.of() : agencies.stream().toList();
        }
    }

    public record AgencyDefinition(String agency, String role) {
    }
}
