package vn.childprotection.platform.referral.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import vn.childprotection.platform.contracts.CaseStatus;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.ReferralStatus;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.referral.domain.Case;

import java.time.Instant;
import java.util.List;

/** A case in a list: codes, statuses and times only (no names, no narrative, no informant). */
@Schema(description = "A case in a list; no personal data")
public record CaseSummaryResponse(String caseId, CaseStatus status, Severity severity, List<Concern> concerns,
                                  CaseResponse.LocationView location, Instant openedAt, boolean triageRequired,
                                  List<ReferralLine> referrals, List<CaseResponse.EscalationView> escalations) {

    public record ReferralLine(String referralId, String agency, ReferralRole role, String unitId,
                               ReferralStatus status, Instant dueAt) {
    }

    static CaseSummaryResponse of(Case c) {
        return new CaseSummaryResponse(c.caseId(), c.status(), c.severity(), c.concerns(),
                CaseResponse.LocationView.of(c.location()), c.openedAt(), c.triage().required(),
                c.referrals().stream().map(r -> new ReferralLine(r.referralId(), r.agency(), r.role(), r.unitId(),
                        r.status(), r.dueAt())).toList(),
                c.escalations().stream().map(CaseResponse.EscalationView::of).toList());
    }
}
