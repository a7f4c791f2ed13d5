package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.contracts.Severity;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;

/**
 * Deadlines counted from the case's receipt in Asia/Ho_Chi_Minh: the legal ones (emergency measures within 12 hours,
 * Decree 56/2017 Art 26.3; support plan within 5 working days, Art 28.1) and the acknowledgement deadline per
 * severity, a policy default (no seed sets one).
 */
public record DeadlinePolicy(Map<Severity, Span> acknowledgement, WorkingCalendar calendar, ZoneId zone) {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final Duration EMERGENCY_MEASURES = Duration.ofHours(12);
    public static final int SUPPORT_PLAN_WORKING_DAYS = 5;
    public static final String EMERGENCY_MEASURES_BASIS = "Nghị định 56/2017/NĐ-CP, Art 26.3 (12 hours)";
    public static final String SUPPORT_PLAN_BASIS = "Nghị định 56/2017/NĐ-CP, Art 28.1 (5 working days)";

    /** EMERGENCY 1 h, HIGH 4 h, NORMAL 2 working days; no holidays. */
    public static final DeadlinePolicy DEFAULT = new DeadlinePolicy(Map.of(
            Severity.EMERGENCY, Span.of(Duration.ofHours(1)), Severity.HIGH, Span.of(Duration.ofHours(4)),
            Severity.NORMAL, Span.workingDays(2)), new WorkingCalendar(null), VIETNAM);

    /** A duration, or a number of working days. */
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
    }

    public Instant acknowledgementDue(OffsetDateTime receivedAt, Severity severity) {
        Span span = acknowledgement.getOrDefault(severity == null ? Severity.NORMAL : severity,
                DEFAULT.acknowledgement().get(severity == null ? Severity.NORMAL : severity));
        return plus(receivedAt, span);
    }

    public Instant emergencyMeasuresDue(OffsetDateTime receivedAt) {
        return receivedAt.toInstant().plus(EMERGENCY_MEASURES);
    }

    public Instant supportPlanDue(OffsetDateTime receivedAt) {
        return calendar.plusWorkingDays(local(receivedAt), SUPPORT_PLAN_WORKING_DAYS).toInstant();
    }

    private Instant plus(OffsetDateTime receivedAt, Span span) {
        Instant at = receivedAt.toInstant();
        if (span.duration() != null) {
            at = at.plus(span.duration());
        }
        if (span.workingDays() > 0) {
            at = calendar.plusWorkingDays(at.atZone(zone), span.workingDays()).toInstant();
        }
        return at;
    }

    private ZonedDateTime local(OffsetDateTime receivedAt) {
        return receivedAt.atZoneSameInstant(zone);
    }
}
