package vn.childprotection.platform.referral.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import vn.childprotection.platform.contracts.CaseStatus;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.EscalationRaised;
import vn.childprotection.platform.contracts.ReasonCode;
import vn.childprotection.platform.contracts.ReferralOutcome;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.ReferralStatus;
import vn.childprotection.platform.contracts.ResponseAction;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.referral.domain.Case;
import vn.childprotection.platform.referral.domain.Referral;
import vn.childprotection.platform.referral.domain.ReferralDeadline;
import vn.childprotection.platform.referral.domain.ReferralStateMachine;
import vn.childprotection.platform.referral.domain.ResponseRecord;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A referral's state: status, the actions it still accepts, its deadlines (due, met, reminded, escalated) and the
 * agency's own responses, with the case's derived status. The responses' {@code reason} and {@code note} are the
 * agency's own wording, shown only to whom may read this referral; case events never carry them. Read (not answered),
 * it carries the {@code brief}: what the agency needs to act. Never the informant, never another agency's notes.
 */
@Schema(description = "A referral's state, deadlines and response history, with its case's status")
public record ReferralStateResponse(String caseId, CaseStatus caseStatus, ReferralState referral,
                                    @Schema(description = "Referrals issued because of this response (forward "
                                            + "target, or the standing agency's triage referral)")
                                    List<IssuedReferral> issued,
                                    @Schema(description = "What the agency needs to act: the child, the place, the "
                                            + "narrative; absent from the answer to a response")
                                    CaseBrief brief) {

    @Schema(description = "The case as the agency needs it to act; never the informant")
    public record CaseBrief(Severity severity, List<Concern> concerns, CaseResponse.LocationView location,
                            CaseResponse.ChildView child, String narrative, OffsetDateTime receivedAt) {
        static CaseBrief of(Case c) {
            return new CaseBrief(c.severity(), c.concerns(), CaseResponse.LocationView.of(c.location()),
                    c.child() == null ? null : new CaseResponse.ChildView(c.child().fullName(), c.child().sex(),
                            c.child().ageYears()),
                    c.narrative(), c.receivedAt());
        }
    }

    public record ReferralState(String referralId, String agency, ReferralRole role, String unitId, String areaCode,
                                ReferralStatus status, List<ResponseAction> allowedActions, String ruleId,
                                String rulesetVersion, String legalBasis, boolean policyDefault,
                                String forwardedFrom, Instant issuedAt, Instant dueAt, String note,
                                List<DeadlineState> deadlines, List<ResponseView> history) {
    }

    @Schema(description = "PENDING, MET, OVERDUE (reminder sent), ESCALATED, or STOPPED (the referral ended unmet)")
    public enum DeadlineStatus { PENDING, MET, OVERDUE, ESCALATED, STOPPED }

    public record DeadlineState(EscalationRaised.DeadlineKind kind, Instant dueAt, Instant escalateAt,
                                String legalBasis, boolean policyDefault, DeadlineStatus state, Instant metAt,
                                Instant remindedAt, Instant escalatedAt) {
    }

    public record ResponseView(String responseId, ResponseAction action, ReferralStatus from, ReferralStatus to,
                               ReasonCode reasonCode, String reason, String note, String forwardTo,
                               ReferralOutcome outcome, String unitId, Instant respondedAt, Instant appliedAt) {
    }

    public record IssuedReferral(String referralId, String agency, ReferralRole role, String unitId, String areaCode,
                                 String ruleId, String legalBasis, String forwardedFrom, Instant dueAt) {
    }

    static ReferralStateResponse of(Case owner, Referral referral, List<Referral> issued) {
        return new ReferralStateResponse(owner.caseId(), owner.status(), state(referral),
                issued.stream().map(r -> new IssuedReferral(r.referralId(), r.agency(), r.role(), r.unitId(),
                        r.areaCode(), r.ruleId(), r.legalBasis(), r.forwardedFrom(), r.dueAt())).toList(), null);
    }

    /** The referral as its agency reads it to act. */
    static ReferralStateResponse withBrief(Case owner, Referral referral) {
        return new ReferralStateResponse(owner.caseId(), owner.status(), state(referral), List.of(),
                CaseBrief.of(owner));
    }

    private static ReferralState state(Referral r) {
        return new ReferralState(r.referralId(), r.agency(), r.role(), r.unitId(), r.areaCode(), r.status(),
                ReferralStateMachine.allowed(r.status()).stream().toList(), r.ruleId(), r.rulesetVersion(),
                r.legalBasis(), r.policyDefault(), r.forwardedFrom(), r.issuedAt(), r.dueAt(), r.note(),
                r.deadlines().stream().map(d -> deadline(r, d)).toList(),
                r.history().stream().map(ReferralStateResponse::response).toList());
    }

    private static DeadlineState deadline(Referral r, ReferralDeadline d) {
        DeadlineStatus state = d.met() ? DeadlineStatus.MET
                : r.terminal() ? DeadlineStatus.STOPPED
                : d.escalatedAt() != null ? DeadlineStatus.ESCALATED
                : d.remindedAt() != null ? DeadlineStatus.OVERDUE
                : DeadlineStatus.PENDING;
        return new DeadlineState(d.kind(), d.dueAt(), d.escalateAt(), d.legalBasis(), d.policyDefault(), state,
                d.metAt(), d.remindedAt(), d.escalatedAt());
    }

    private static ResponseView response(ResponseRecord h) {
        return new ResponseView(h.responseId(), h.action(), h.from(), h.to(), h.reasonCode(), h.reason(), h.note(),
                h.forwardTo(), h.outcome(), h.unitId(), h.respondedAt(), h.appliedAt());
    }
}
