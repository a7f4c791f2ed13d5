package vn.childprotection.platform.reporting.domain;

import vn.childprotection.platform.contracts.EscalationRaised.DeadlineKind;
import vn.childprotection.platform.contracts.ReferralOverdue;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The deadlines one referral carries and whether each was met in time, as referral-service sets them
 * (DeadlinePolicy): ACKNOWLEDGEMENT always (a policy default, {@code ReferralIssued.dueAt}); for a PRIMARY referral,
 * EMERGENCY_MEASURES when the case is EMERGENCY (Decree 56/2017 Art 26.3, 12 hours) and SUPPORT_PLAN when it is HIGH
 * or EMERGENCY (Art 28.1, 5 working days), due as the case's escalation says. A {@code ReferralOverdue} event names
 * the due time authoritatively. Any answer acknowledges; ACCEPTED or further meets emergency measures; IN_PROGRESS or
 * COMPLETED meets the support plan.
 */
public final class ReferralDeadlines {

    private ReferralDeadlines() {
    }

    /**
     * One deadline of one referral.
     *
     * @param metAt when the agency did what was due, or null
     * @param stage the watchdog's furthest stage for it, or null when it reported nothing
     */
    public record Deadline(DeadlineKind kind, Instant dueAt, Instant metAt, ReferralOverdue.Stage stage,
                           boolean released) {

        /** "Due" once its time has passed or it was met (API contract). */
        public boolean isDue(Instant now) {
            return !released && (metAt != null || !dueAt.isAfter(now));
        }

        public boolean metOnTime() {
            return metAt != null && !metAt.isAfter(dueAt);
        }

        /** Passed and still not met while the referral is open. */
        public boolean isOverdue(Instant now) {
            return !released && metAt == null && dueAt.isBefore(now);
        }

        /** Due in the past and met late, or not met. */
        public boolean missed(Instant now) {
            return isDue(now) && !metOnTime();
        }

        public long overdueMinutes(Instant now) {
            return Duration.between(dueAt, now).toMinutes();
        }
    }

    /** @param caseFact the referral's case, or null when reporting does not know it yet */
    public static List<Deadline> of(ReferralFact referral, CaseFact caseFact) {
        List<Deadline> deadlines = new ArrayList<>();
        for (DeadlineKind kind : DeadlineKind.values()) {
            ReferralFact.OverdueMark mark = referral.overdue().get(kind);
            Instant due = mark != null ? mark.dueAt() : plannedDue(kind, referral, caseFact);
            if (due == null) {
                continue;
            }
            Instant met = switch (kind) {
                case ACKNOWLEDGEMENT -> referral.acknowledgedAt();
                case EMERGENCY_MEASURES -> referral.acceptedAt();
                case SUPPORT_PLAN -> referral.supportStartedAt();
            };
            // a referral declined or forwarded before a deadline it never met no longer owes it
            Instant ended = ReferralFact.earliest(referral.declinedAt(), referral.forwardedAt());
            boolean released = met == null && (ended != null || !referral.isOpen());
            deadlines.add(new Deadline(kind, due, met, mark == null ? null : mark.stage(), released));
        }
        return deadlines;
    }

    private static Instant plannedDue(DeadlineKind kind, ReferralFact referral, CaseFact caseFact) {
        if (kind == DeadlineKind.ACKNOWLEDGEMENT) {
            return referral.acknowledgementDueAt();
        }
        if (referral.role() != ReferralRole.PRIMARY || caseFact == null || referral.forwardedFrom() != null) {
            return null;
        }
        Severity severity = referral.severity() != null ? referral.severity() : caseFact.severity();
        boolean applies = kind == DeadlineKind.EMERGENCY_MEASURES
                ? severity == Severity.EMERGENCY
                : severity == Severity.EMERGENCY || severity == Severity.HIGH;
        return applies ? caseFact.deadlines().get(kind) : null;
    }
}
