package vn.childprotection.platform.contracts;

import java.util.Locale;
import java.util.regex.Pattern;

/** Topic names. {@link TopicCatalog} says who writes and reads each one and which schema it follows. */
public final class Topics {

    /** Reports made durable by intake-service (all but the emergencies). */
    public static final String INTAKE_REPORTS = "intake.reports.v1";
    /**
     * EMERGENCY reports made durable by intake-service: the same messages in a lane of their own, so that an
     * emergency is never queued behind a backlog of other reports (it must reach the police in milliseconds, not
     * minutes).
     */
    public static final String INTAKE_REPORTS_URGENT = "intake.reports.urgent.v1";
    /** Every state change of every case. */
    public static final String CASE_EVENTS = "case.events.v1";
    /** The agencies' answers to their referrals (S0 Art 7.2), written by the agencies' systems. */
    public static final String AGENCY_RESPONSES = "agency.responses.v1";
    /** Notifications delivered, written by notification-service. */
    public static final String NOTIFICATIONS_DELIVERED = "notifications.delivered.v1";
    /** Notifications that failed after their last retry (the notifications' dead-letter topic). */
    public static final String NOTIFICATIONS_FAILED = "notifications.failed.v1";
    /** The audit trail: every service's chain of audit records, keyed by producer; stored by audit-service. */
    public static final String AUDIT_EVENTS = "audit.events.v1";
    /** Prefix and suffix of the per-agency referral topics, {@code referrals.police.v1} and so on. */
    public static final String REFERRALS_PREFIX = "referrals.";
    public static final String REFERRALS_SUFFIX = ".v1";
    /** Suffix of a dead-letter topic: {@code <topic>.<consumer group>.dlt}. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private static final Pattern AGENCY_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    private Topics() {
    }

    /** The intake topic of a report of this severity: EMERGENCY in its own lane, the others together. */
    public static String intakeReportsFor(Severity severity) {
        return severity == Severity.EMERGENCY ? INTAKE_REPORTS_URGENT : INTAKE_REPORTS;
    }

    /** {@code POLICE} → {@code referrals.police.v1}; {@code SOCIAL_AFFAIRS} → {@code referrals.social-affairs.v1}. */
    public static String referralsFor(String agencyCode) {
        if (agencyCode == null || !AGENCY_CODE.matcher(agencyCode).matches()) {
            throw new IllegalArgumentException("not an agency code: " + agencyCode);
        }
        return REFERRALS_PREFIX + agencyCode.toLowerCase(Locale.ROOT).replace('_', '-') + REFERRALS_SUFFIX;
    }

    /** The dead-letter topic of one consumer group on one topic. */
    public static String deadLetterOf(String topic, String group) {
        return topic + "." + group + DEAD_LETTER_SUFFIX;
    }
}
