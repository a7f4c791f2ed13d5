package vn.childprotection.platform.notification.domain;

import vn.childprotection.platform.contracts.EscalationRaised.DeadlineKind;
import vn.childprotection.platform.contracts.ReferralOutcome;
import vn.childprotection.platform.contracts.ReferralOverdue;
import vn.childprotection.platform.contracts.Severity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a notification's text and webhook body say beyond its ids: codes and instants only, copied from the case event
 * (which holds no personal data, conventions "Personal data"). Every field is optional.
 *
 * @param severity      the case's severity
 * @param dueAt         when the referral must be acknowledged (REFERRAL_ISSUED, FORWARDED)
 * @param deadlines     the deadlines that run (ESCALATION of a case: Decree 56/2017 Art 26.3, 28.1; OVERDUE_REMINDER
 *                      and ESCALATION of a referral: the one that passed)
 * @param stage         of an overdue referral: REMINDER or ESCALATED
 * @param forwardedFrom the referral a FORWARDED one replaces
 * @param ruleId        the routing rule ({@code TRIAGE-AFTER-DECLINE} for a referral sent back to the standing agency)
 * @param outcomes      OUTCOME_TO_INFORMANT: the outcome codes (never an agency's note)
 */
public record NotificationDetails(Severity severity, Instant dueAt, List<Due> deadlines, ReferralOverdue.Stage stage,
                                  String forwardedFrom, String ruleId, List<ReferralOutcome> outcomes) {

    public static final NotificationDetails NONE = new NotificationDetails(null, null, List.of(), null, null, null,
            List.of());

    /** The rule id of a referral sent back to the standing agency for triage after the only primary declined. */
    public static final String TRIAGE_AFTER_DECLINE = "TRIAGE-AFTER-DECLINE";
    /**
     * The marker of an escalation because no agency is left to act: the standing agency's provincial unit declined
     * the only primary referral ({@code forwardedFrom} names it; S0 Art 8.4, 5.4).
     */
    public static final String NO_AGENCY_LEFT = "NO-AGENCY-LEFT";

    public NotificationDetails {
        deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    }

    /** One deadline: what is due by when. */
    public record Due(DeadlineKind kind, Instant dueAt) {
        public Due {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(dueAt, "dueAt");
        }
    }

    public boolean isTriageAfterDecline() {
        return TRIAGE_AFTER_DECLINE.equals(ruleId);
    }

    public boolean isNoAgencyLeft() {
        return NO_AGENCY_LEFT.equals(ruleId);
    }
}
