package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.contracts.EscalationRaised.DeadlineKind;
import vn.childprotection.platform.contracts.ReferralOutcome;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.ReferralStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A case referred to one agency's unit for one area (S0 Art 9.5), with the rule that produced it (explanation), its
 * deadlines and the agency's responses (S0 Art 7.2).
 *
 * @param areaCode      the area of the unit chosen (the most local unit serving the case's area, else a parent's)
 * @param unitId        the agency directory's unit, {@code null} when none serves the area (case flagged for triage)
 * @param dueAt         acknowledgement deadline (policy default per severity)
 * @param note          why the unit is not the most local one, or why the area was flagged
 * @param forwardedFrom the referral this one replaces (FORWARDED by its agency, or DECLINED by the case's only
 *                      primary agency and sent back to the standing agency); {@code null} for a routed referral
 * @param issuedAt      when the referral was issued (the case's opening for a routed referral)
 * @param deadlines     ACKNOWLEDGEMENT always; EMERGENCY_MEASURES and SUPPORT_PLAN for PRIMARY referrals of
 *                      EMERGENCY / HIGH cases (Decree 56/2017 Art 26.3, Art 28.1)
 * @param history       the responses applied, oldest first (agency wording included: store only)
 */
public record Referral(String referralId, String agency, ReferralRole role, String areaCode, ReferralStatus status,
                       String ruleId, String rulesetVersion, String legalBasis, boolean policyDefault,
                       String unitId, Instant dueAt, String note, String forwardedFrom, Instant issuedAt,
                       List<ReferralDeadline> deadlines, List<ResponseRecord> history) {

    public Referral {
        deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
        history = history == null ? List.of() : List.copyOf(history);
    }

    public Referral(String referralId, String agency, ReferralRole role, String areaCode, ReferralStatus status,
                    String ruleId, String rulesetVersion, String legalBasis, boolean policyDefault,
                    String unitId, Instant dueAt, String note) {
        this(referralId, agency, role, areaCode, status, ruleId, rulesetVersion, legalBasis, policyDefault, unitId,
                dueAt, note, null, null, List.of(), List.of());
    }

    public Referral(String referralId, String agency, ReferralRole role, String areaCode, ReferralStatus status,
                    String ruleId, String rulesetVersion, String legalBasis, boolean policyDefault) {
        this(referralId, agency, role, areaCode, status, ruleId, rulesetVersion, legalBasis, policyDefault, null,
                null, null);
    }

    /** DECLINED, FORWARDED and COMPLETED end a referral (ReferralStateMachine). */
    public boolean terminal() {
        return ReferralStateMachine.terminal(status);
    }

    public boolean open() {
        return !terminal();
    }

    /** PRIMARY and SUPPORTING referrals are acted on; INFORMED ones are for information and never block completion. */
    public boolean actionable() {
        return role != ReferralRole.INFORMED;
    }

    /** The outcome the agency reported when it completed the referral. */
    public Optional<ReferralOutcome> outcome() {
        return history.reversed().stream().map(ResponseRecord::outcome).filter(o -> o != null).findFirst();
    }

    public Optional<ReferralDeadline> deadline(DeadlineKind kind) {
        return deadlines.stream().filter(d -> d.kind() == kind).findFirst();
    }

    /** The next moment the watchdog has something to do for this referral; {@code null} when closed or all done. */
    public Instant nextCheck() {
        if (terminal()) {
            return null;
        }
        return deadlines.stream().map(ReferralDeadline::nextCheck).filter(at -> at != null)
                .min(Instant::compareTo).orElse(null);
    }

    Referral with(ReferralStatus newStatus, List<ReferralDeadline> newDeadlines, List<ResponseRecord> newHistory) {
        return new Referral(referralId, agency, role, areaCode, newStatus, ruleId, rulesetVersion, legalBasis,
                policyDefault, unitId, dueAt, note, forwardedFrom, issuedAt, newDeadlines, newHistory);
    }
}
