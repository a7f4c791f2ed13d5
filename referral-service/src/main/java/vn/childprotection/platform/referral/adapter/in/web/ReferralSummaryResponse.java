package vn.childprotection.platform.referral.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.ReferralStatus;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.referral.application.port.out.CaseRepository;
import vn.childprotection.platform.referral.domain.Referral;

import java.time.Instant;
import java.util.List;

/** A referral in a list: codes, statuses and times only (no names, no narrative, no informant). */
@Schema(description = "A referral in a list; no personal data")
public record ReferralSummaryResponse(String referralId, String caseId, String agency, ReferralRole role,
                                      String unitId, ReferralStatus status, Severity severity,
                                      List<Concern> concerns, CaseResponse.LocationView location, Instant issuedAt,
                                      Instant dueAt) {

    static ReferralSummaryResponse of(CaseRepository.ScopedReferral scoped) {
        Referral r = scoped.referral();
        return new ReferralSummaryResponse(r.referralId(), scoped.owner().caseId(), r.agency(), r.role(), r.unitId(),
                r.status(), scoped.owner().severity(), scoped.owner().concerns(),
                CaseResponse.LocationView.of(scoped.owner().location()), r.issuedAt(), r.dueAt());
    }
}
