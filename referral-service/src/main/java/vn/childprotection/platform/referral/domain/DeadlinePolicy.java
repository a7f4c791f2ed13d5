package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.contracts.EscalationRaised.DeadlineKind;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.Severity;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Deadlines counted from the case's receipt in Asia/Ho_Chi_Minh: the legal ones (emergency measures within 12 hours,
 * Decree 56/2017 Art 26.3; support plan within 5 working days, Art 28.1) and the acknowledgement deadline per
 * severity, a policy default (no seed sets one).
 *
 * <p>The legal spans are configurable only so that a demonstration can shorten them; the defaults are the law.
 * {@code escalationGrace} is how long after a missed deadline the watchdog escalates (reminder at the deadline,
 * escalation to the backup focal point and the coordinator after the grace, S0 Art 5.4); emergency measures get
 * their own, shorter grace.
 */
public record DeadlinePolicy(Map<Severity, Span> acknowledgement, WorkingCalendar calendar, ZoneId zone,
                             Duration emergencyMeasures, Span supportPlan, Duration escalationGrace,
                             Duration emergencyMeasuresGrace) {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final Duration EMERGENCY_MEASURES = Duration.ofHours(12);
    public static final int SUPPORT_PLAN_WORKING_DAYS = 5;
    public static final Duration ESCALATION_GRACE = Duration.ofHours(2);
    public static final Duration EMERGENCY_MEASURES_GRACE = Duration.ofHours(1);
    public static final String EMERGENCY_MEASURES_BASIS = "Nghị định 56/2017/NĐ-CP, Art 26.3 (12 hours)";
    public static final String SUPPORT_PLAN_BASIS = "Nghị định 56/2017/NĐ-CP, Art 28.1 (5 working days)";

    /** EMERGENCY 1 h, HIGH 4 h, NORMAL 2 working days; no holidays; the legal spans; grace 2 h (emergency 1 h). */
    public static final DeadlinePolicy DEFAULT = new DeadlinePolicy(Map.of(
            Severity.EMERGENCY, Span.of(Duration.ofHours(1)), Severity.HIGH, Span.of(Duration.ofHours(4)),
            Severity.NORMAL, Span.workingDays(2)), new WorkingCalendar(null), VIETNAM);

    /** A duration, or a number of working days (when both are set, the duration wins). */
    public record Span(Duration duration, int workingDays) {
        public static Span of(Duration duration) {
            return new Span(duration, 0);
        }

        public static Span workingDays(int days) {
            return new Span(null, days);
        }
    }

    public DeadlinePolicy {
        acknowledgement = acknowledgement == null || acknowledgement.isEmpty() ? Map.of()
                : new EnumMap<>(acknowledgement);
        zone = zone == null ? VIETNAM : zone;
        calendar = calendar == null ? new WorkingCalendar(null) : calendar;
        emergencyMeasures = emergencyMeasures == null ? EMERGENCY_MEASURES : emergencyMeasures;
        supportPlan = supportPlan == null || (supportPlan.duration() == null && supportPlan.workingDays() <= 0)
                ? Span.workingDays(SUPPORT_PLAN_WORKING_DAYS) : supportPlan;
        escalationGrace = escalationGrace == null ? ESCALATION_GRACE : escalationGrace;
        emergencyMeasuresGrace = emergencyMeasuresGrace == null ? EMERGENCY_MEASURES_GRACE : emergencyMeasuresGrace;
    }

    /** The legal spans and the default grace periods. */
    public DeadlinePolicy(Map<Severity, Span> acknowledgement, WorkingCalendar calendar, ZoneId zone) {
        this(acknowledgement, calendar, zone, null, null, null, null);
    }

    public Instant acknowledgementDue(OffsetDateTime receivedAt, Severity severity) {
        return acknowledgementDue(receivedAt.toInstant(), severity);
    }

    public Instant acknowledgementDue(Instant from, Severity severity) {
        Severity key = severity == null ? Severity.NORMAL : severity;
        Span span = acknowledgement.getOrDefault(key, DEFAULT.acknowledgement().get(key));
        return plus(from, span);
    }

    public Instant emergencyMeasuresDue(OffsetDateTime receivedAt) {
        return receivedAt.toInstant().plus(emergencyMeasures);
    }

    public Instant supportPlanDue(OffsetDateTime receivedAt) {
        return plus(receivedAt.toInstant(), supportPlan);
    }

    public Duration graceFor(DeadlineKind kind) {
        return kind == DeadlineKind.EMERGENCY_MEASURES ? emergencyMeasuresGrace : escalationGrace;
    }

    /**
     * The deadlines one referral carries, counted from {@code from} (the case's receipt for a routed referral; the
     * moment of issue for a forwarded or triage referral): ACKNOWLEDGEMENT always (policy default); for a PRIMARY
     * referral, EMERGENCY_MEASURES when the case is EMERGENCY (Art 26.3) and SUPPORT_PLAN when it is HIGH or
     * EMERGENCY (Art 28.1). Each gets its escalation time: due + the grace of its kind.
     */
    public List<ReferralDeadline> deadlinesFor(Instant from, Severity severity, ReferralRole role) {
        List<ReferralDeadline> deadlines = new ArrayList<>();
        Instant ack = acknowledgementDue(from, severity);
        deadlines.add(ReferralDeadline.of(DeadlineKind.ACKNOWLEDGEMENT, ack, ack.plus(escalationGrace), null, true));
        if (role == ReferralRole.PRIMARY && severity == Severity.EMERGENCY) {
            Instant due = from.plus(emergencyMeasures);
            deadlines.add(ReferralDeadline.of(DeadlineKind.EMERGENCY_MEASURES, due, due.plus(emergencyMeasuresGrace),
                    EMERGENCY_MEASURES_BASIS, false));
        }
        if (role == ReferralRole.PRIMARY && (severity == Severity.HIGH || severity == Severity.EMERGENCY)) {
            Instant due = plus(from, supportPlan);
            deadlines.add(ReferralDeadline.of(DeadlineKind.SUPPORT_PLAN, due, due.plus(escalationGrace),
                    SUPPORT_PLAN_BASIS, false));
        }
        return deadlines;
    }

    private Instant plus(Instant from, Span span) {
        if (span.duration() != null) {
            return from.plus(span.duration());
        }
        if (span.workingDays() > 0) {
            return calendar.plusWorkingDays(from.atZone(zone), span.workingDays()).toInstant();
        }
        return from;
    }
}
