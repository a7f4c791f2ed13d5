package vn.childprotection.platform.referral.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import vn.childprotection.platform.contracts.CaseStatus;
import vn.childprotection.platform.contracts.Channel;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.EscalationRaised;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.ReferralStatus;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.contracts.Sex;
import vn.childprotection.platform.referral.domain.Case;
import vn.childprotection.platform.referral.domain.Escalation;
import vn.childprotection.platform.referral.domain.Referral;
import vn.childprotection.platform.referral.domain.Triage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A case as the API shows it. To a coordinator of its province with the child's name and the narrative; to the
 * operator reading back what it submitted, the routing only (the child as sex and age). Never the informant (that is
 * the audited reveal).
 */
@Schema(description = "A case and its referrals; the child's name and the narrative for coordinators only; never "
        + "the informant")
public record CaseResponse(
        String caseId,
        UUID reportId,
        CaseStatus status,
        ContactType contactType,
        Channel channel,
        List<Concern> concerns,
        Severity severity,
        LocationView location,
        ChildView child,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The report's narrative; coordinators only") String narrative,
        OffsetDateTime receivedAt,
        Instant openedAt,
        String rulesetVersion,
        List<ReferralView> referrals,
        TriageView triage,
        List<EscalationView> escalations,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "When and why the case's personal data was erased; absent while it is held")
        ErasureView personalDataErased) {

    public record ErasureView(Instant at, vn.childprotection.platform.contracts.PersonalDataErased.Cause cause) {
    }

    public record TriageView(boolean required, List<String> reasons) {
        static TriageView of(Triage triage) {
            return new TriageView(triage.required(), triage.reasons());
        }
    }

    public record DeadlineView(EscalationRaised.DeadlineKind kind, Instant dueAt, String legalBasis,
                               boolean policyDefault) {
    }

    @Schema(description = "An escalation to the coordinator (S0 Art 5.4) with its deadlines")
    public record EscalationView(String escalationId, Severity severity, String reason, String recipientRole,
                                 List<DeadlineView> deadlines) {
        static EscalationView of(Escalation e) {
            return new EscalationView(e.escalationId(), e.severity(), e.reason(), e.recipientRole(),
                    e.deadlines().stream().map(d -> new DeadlineView(d.kind(), d.dueAt(), d.legalBasis(),
                            d.policyDefault())).toList());
        }
    }

    public record LocationView(String provinceCode, String districtCode, String communeCode) {
        static LocationView of(vn.childprotection.platform.contracts.Location location) {
            return location == null ? null : new LocationView(location.provinceCode(), location.districtCode(),
                    location.communeCode());
        }
    }

    @Schema(description = "The child: the name for coordinators and the agencies it is referred to, sex and age")
    public record ChildView(@JsonInclude(JsonInclude.Include.NON_NULL) String fullName, Sex sex, Integer ageYears) {
    }

    public record ReferralView(String referralId, String agency, ReferralRole role, String areaCode,
                               ReferralStatus status, String ruleId, String rulesetVersion, String legalBasis,
                               boolean policyDefault, String unitId, Instant dueAt, String note,
                               String forwardedFrom) {

        static ReferralView of(Referral r) {
            return new ReferralView(r.referralId(), r.agency(), r.role(), r.areaCode(), r.status(), r.ruleId(),
                    r.rulesetVersion(), r.legalBasis(), r.policyDefault(), r.unitId(), r.dueAt(), r.note(),
                    r.forwardedFrom());
        }
    }

    /** @param content whether the child's name and the narrative are shown (a coordinator's read) */
    static CaseResponse of(Case c, boolean content) {
        return new CaseResponse(c.caseId(), c.reportId(), c.status(), c.contactType(), c.channel(), c.concerns(),
                c.severity(), LocationView.of(c.location()),
                c.child() == null ? null : new ChildView(content ? c.child().fullName() : null, c.child().sex(),
                        c.child().ageYears()),
                content ? c.narrative() : null,
                c.receivedAt(), c.openedAt(), c.rulesetVersion(),
                c.referrals().stream().map(ReferralView::of).toList(), TriageView.of(c.triage()),
                c.escalations().stream().map(EscalationView::of).toList(),
                c.erasure() == null ? null : new ErasureView(c.erasure().at(), c.erasure().cause()));
    }
}
