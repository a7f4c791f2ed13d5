package vn.childprotection.platform.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A HIGH or EMERGENCY case was escalated at once to the coordinator, the board's standing deputy head (S0 Art 5.4),
 * with the deadlines that run from the case's receipt; or, of any severity, a case that no agency is left to act on:
 * its only primary referral was declined by the standing agency's provincial unit (S0 Art 8.4), and the coordinator
 * decides ({@code declinedReferralId} set). No personal data: ids, severity, reason, deadlines.
 *
 * @param eventId       deterministic: {@code Ids.nameBased(TYPE, escalationId)}
 * @param escalationId  deterministic: {@code Ids.nameBased("escalation", caseId)}
 * @param reason        why it was escalated (a code-like sentence, never the narrative)
 * @param recipientRole who must act on it: {@link #COORDINATOR}
 * @param deadlines     what is due by when, each with its legal basis or marked as a policy default
 * @param declinedReferralId optional (added later, additive): the referral whose decline left no agency to act; null
 *                      for an escalation by severity
 */
public record EscalationRaised(
        String eventId,
        Instant occurredAt,
        String caseId,
        String escalationId,
        Severity severity,
        String reason,
        String recipientRole,
        List<Deadline> deadlines,
        String declinedReferralId) implements CaseEvent {

    public static final String TYPE = "EscalationRaised.v1";
    /** The board's standing deputy head (S0 Art 5.4). */
    public static final String COORDINATOR = "COORDINATOR";

    public EscalationRaised {
        deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
    }

    /** Without the optional {@code declinedReferralId}: an escalation by severity at opening. */
    public EscalationRaised(String eventId, Instant occurredAt, String caseId, String escalationId, Severity severity,
                            String reason, String recipientRole, List<Deadline> deadlines) {
        this(eventId, occurredAt, caseId, escalationId, severity, reason, recipientRole, deadlines, null);
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    /** What a deadline is for. */
    public enum DeadlineKind {
        /** Emergency protection measures (Decree 56/2017 Art 26.3: within 12 hours). */
        EMERGENCY_MEASURES,
        /** The child's support plan (Decree 56/2017 Art 28.1: within 5 working days). */
        SUPPORT_PLAN,
        /** The coordinator's or an agency's acknowledgement (policy default). */
        ACKNOWLEDGEMENT
    }

    /**
     * @param legalBasis    the clause, or {@code null} for a policy default
     * @param policyDefault true where no seed or law sets the deadline and the platform chose it
     */
    public record Deadline(DeadlineKind kind, Instant dueAt, String legalBasis, boolean policyDefault) {
        public Deadline {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(dueAt, "dueAt");
        }
    }
}
