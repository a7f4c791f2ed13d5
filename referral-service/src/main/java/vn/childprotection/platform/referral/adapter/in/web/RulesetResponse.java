package vn.childprotection.platform.referral.adapter.in.web;

import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.referral.domain.Rule;
import vn.childprotection.platform.referral.domain.Ruleset;

import java.time.LocalDate;
import java.util.List;

/** The routing ruleset in force, as loaded and validated at start-up. */
public record RulesetResponse(String version, LocalDate effectiveFrom, String jurisdiction,
                              StandingAgencyView standingAgency, List<RuleView> rules) {

    public record StandingAgencyView(String agency, String ruleId, String legalBasis) {
    }

    public record RuleView(String id, List<Concern> concerns, List<AgencyView> agencies, String legalBasis,
                           boolean policyDefault, String note) {
    }

    public record AgencyView(String agency, ReferralRole role) {
    }

    static RulesetResponse of(Ruleset ruleset) {
        return new RulesetResponse(ruleset.version(), ruleset.effectiveFrom(), ruleset.jurisdiction(),
                new StandingAgencyView(ruleset.standingAgency().agency(), ruleset.standingAgency().ruleId(),
                        ruleset.standingAgency().legalBasis()),
                ruleset.rules().stream().map(RulesetResponse::rule).toList());
    }

    private static RuleView rule(Rule rule) {
        return new RuleView(rule.id(), rule.concerns().stream().sorted().toList(),
                rule.agencies().stream().map(a -> new AgencyView(a.agency(), a.role())).toList(),
                rule.legalBasis(), rule.policyDefault(), rule.note());
    }
}
