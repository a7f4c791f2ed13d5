package vn.childprotection.platform.referral.domain;

import java.util.List;

/**
 * A ruleset as read from its source, not yet checked: plain strings, so that every mistake in the file can be
 * reported as a {@link RulesetProblem} rather than a parse error. {@link RulesetValidator} turns it into a
 * {@link Ruleset}.
 *
 * @param extendsJurisdiction set for a province's ruleset: the jurisdiction whose ruleset it extends ({@code VN})
 * @param agencies            agency codes the ruleset adds beyond the national seven (declared with their names)
 * @param areaMap             the administrative map the jurisdiction and area codes are written in ({@code VN-2024})
 */
public record RulesetDefinition(String version, String effectiveFrom, String effectiveTo, String jurisdiction,
                                String extendsJurisdiction, StandingAgencyDefinition standingAgency,
                                List<DeclaredAgencyDefinition> agencies, List<RuleDefinition> rules, String areaMap) {

    public RulesetDefinition {
        rules = rules == null ? List.of() : rules.stream().toList();
        agencies = agencies == null ? List.of() : agencies.stream().toList();
    }

    public RulesetDefinition(String version, String effectiveFrom, String effectiveTo, String jurisdiction,
                             String extendsJurisdiction, StandingAgencyDefinition standingAgency,
                             List<DeclaredAgencyDefinition> agencies, List<RuleDefinition> rules) {
        this(version, effectiveFrom, effectiveTo, jurisdiction, extendsJurisdiction, standingAgency, agencies, rules,
                null);
    }

    public RulesetDefinition(String version, String effectiveFrom, String jurisdiction,
                             StandingAgencyDefinition standingAgency, List<RuleDefinition> rules) {
        this(version, effectiveFrom, null, jurisdiction, null, standingAgency, List.of(), rules);
    }

    public record StandingAgencyDefinition(String agency, String ruleId, String legalBasis) {
    }

    public record DeclaredAgencyDefinition(String code, String name) {
    }

    public record ConditionsDefinition(List<String> severity, Integer ageMin, Integer ageMax,
                                       List<String> contactTypes, List<String> areaCodes) {
    }

    public record RuleDefinition(String id, List<String> concerns, List<AgencyDefinition> agencies, String legalBasis,
                                 Boolean policyDefault, String note, ConditionsDefinition conditions) {

        public RuleDefinition {
            concerns = concerns == null ? List.of() : concerns.stream().toList();
            agencies = agencies == null ? List.of() : agencies.stream().toList();
        }

        public RuleDefinition(String id, List<String> concerns, List<AgencyDefinition> agencies, String legalBasis,
                              Boolean policyDefault, String note) {
            this(id, concerns, agencies, legalBasis, policyDefault, note, null);
        }
    }

    public record AgencyDefinition(String agency, String role) {
    }
}
