package vn.childprotection.platform.referral.adapter.in.web;

import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.referral.domain.Rule;
import vn.childprotection.platform.referral.domain.Ruleset;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.Severity;

/** The routing ruleset in force, as loaded and validated at start-up. */
public record RulesetResponse(String version, List<String> versions, LocalDate effectiveFrom, String jurisdiction,
                              StandingAgencyView standingAgency, Map<String, String> declaredAgencies,
                              List<RuleView> rules) {

    public record StandingAgencyView(String agency, String ruleId, String legalBasis) {
    }

    public record RuleView(String id, String jurisdiction, List<Concern> concerns, ConditionsView conditions,
                           List<AgencyView> agencies, String legalBasis, boolean policyDefault, String note) {
    }

    public record ConditionsView(List<Severity> severity, Integer ageMin, Integer ageMax,
                                 List<ContactType> contactTypes, List<String> areaCodes) {
    }

    public record AgencyView(String agency, ReferralRole role) {
    }

    static RulesetResponse of(Ruleset ruleset) {
        return new RulesetResponse(ruleset.version(), ruleset.versions(), ruleset.effectiveFrom(),
                ruleset.jurisdiction(),
                new StandingAgencyView(ruleset.standingAgency().agency(), ruleset.standingAgency().ruleId(),
                        ruleset.standingAgency().legalBasis()),
                new java.util.TreeMap<>(ruleset.declaredAgencies()),
                ruleset.rules().stream().map(RulesetResponse::rule).toList());
    }

    private static RuleView rule(Rule rule) {
        var c = rule.conditions();
        return new RuleView(rule.id(), rule.source(), rule.concerns().stream().sorted().toList(),
                c.any() ? null : new ConditionsView(c.severities().stream().sorted().toList(), c.ageMin(), c.ageMax(),
                        c.contactTypes().stream().sorted().toList(), c.areaCodes().stream().sorted().toList()),
                rule.agencies().stream().map(a -> new AgencyView(a.agency(), a.role())).toList(),
                rule.legalBasis(), rule.policyDefault(), rule.note());
    }
}
