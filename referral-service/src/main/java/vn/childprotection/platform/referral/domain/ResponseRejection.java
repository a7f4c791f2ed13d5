package vn.childprotection.platform.referral.domain;

/** Why an agency response was refused; {@link #code()} is what the API and the rejection log show. */
public enum ResponseRejection {
    /** The referral's status does not allow the action (ReferralStateMachine). */
    TRANSITION_NOT_ALLOWED("transition-not-allowed"),
    /** The response names another agency than the one the referral was issued to. */
    WRONG_AGENCY("wrong-agency"),
    /**
     * The answer came from another agency's or another province's answer topic than the referral's: the topic, which
     * only one agency system may write, says who answered, not the body.
     */
    RESPONDER_MISMATCH("responder-mismatch"),
    /** The same responseId was already applied. */
    DUPLICATE_RESPONSE("duplicate-response"),
    /** No referral has that id. */
    UNKNOWN_REFERRAL("unknown-referral"),
    /** The referral belongs to another case than the response names. */
    CASE_MISMATCH("case-mismatch"),
    /** FORWARDED to an unknown agency, to the same agency, or to one already acting on the case. */
    FORWARD_TARGET_INVALID("forward-target-invalid"),
    /** DECLINED or FORWARDED without a reason. */
    MISSING_REASON("missing-reason"),
    /** FORWARDED without forwardTo. */
    MISSING_FORWARD_TARGET("missing-forward-target"),
    /** COMPLETED without an outcome. */
    MISSING_OUTCOME("missing-outcome");

    private final String code;

    ResponseRejection(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
