package vn.childprotection.platform.referral.adapter.in.web;

import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.referral.domain.RoutingPlan;

import java.time.Instant;
import java.util.List;

/** What routing would decide for a report: nothing was created. */
public record PreviewResponse(String rulesetVersion, String areaListVersion, List<ReferralView> referrals,
                              CaseResponse.EscalationView escalation, CaseResponse.TriageView triage) {

    public record ReferralView(String agency, ReferralRole role, String unitId, String areaCode, String ruleId,
                               String legalBasis, boolean policyDefault, Instant dueAt, String note) {
    }

    static PreviewResponse of(RoutingPlan plan) {
        return new PreviewResponse(plan.rulesetVersion(), plan.areaListVersion(), plan.referrals().stream()
                .map(r -> new ReferralView(r.agency(), r.role(), r.unitId(), r.areaCode(), r.ruleId(), r.legalBasis(),
                        r.policyDefault(), r.dueAt(), r.note())).toList(),
                plan.escalation().map(CaseResponse.EscalationView::of).orElse(null),
                CaseResponse.TriageView.of(plan.triage()));
    }
}
