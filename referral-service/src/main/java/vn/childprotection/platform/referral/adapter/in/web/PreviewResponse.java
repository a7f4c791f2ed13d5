package vn.childprotection.platform.referral.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import vn.childprotection.platform.contracts.Location;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.referral.domain.RoutingPlan;

import java.time.Instant;
import java.util.List;

/**
 * What routing would decide for a report: nothing was created.
 *
 * @param area where the codes were placed: the map of the day of receipt, the place in its codes, what was done
 */
public record PreviewResponse(String rulesetVersion, String areaListVersion, List<ReferralView> referrals,
                              CaseResponse.EscalationView escalation, CaseResponse.TriageView triage, AreaView area) {

    @Schema(description = "The map in force on receivedAt (VN-2024 until 2025-06-30, VN-2025 from 2025-07-01, "
            + "VN-2026-04 from 2026-04-30, the same codes), the place in its codes, and what was done to the codes as given (a district or an old province mapped)")
    public record AreaView(@Schema(example = "VN-2026-04") String areaMap, Location location, List<String> notes) {
    }

    public record ReferralView(String agency, ReferralRole role, String unitId, String areaCode, String ruleId,
                               String legalBasis, boolean policyDefault, Instant dueAt, String note) {
    }

    static PreviewResponse of(RoutingPlan plan) {
        return new PreviewResponse(plan.rulesetVersion(), plan.areaListVersion(), plan.referrals().stream()
                .map(r -> new ReferralView(r.agency(), r.role(), r.unitId(), r.areaCode(), r.ruleId(), r.legalBasis(),
                        r.policyDefault(), r.dueAt(), r.note())).toList(),
                plan.escalation().map(CaseResponse.EscalationView::of).orElse(null),
                CaseResponse.TriageView.of(plan.triage()),
                new AreaView(plan.areaListVersion(), plan.location(), plan.areaNotes()));
    }
}
