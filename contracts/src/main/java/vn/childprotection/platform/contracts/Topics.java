package vn.childprotection.platform.contracts;

import java.util.Locale;
import java.util.Optional;
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
    /**
     * Prefix and suffix of the agencies' answer topics (S0 Art 7.2), one per agency and province:
     * {@code agency.responses.police.11.v1} is written by the Điện Biên police's system only (the broker's ACLs).
     */
    public static final String AGENCY_RESPONSES_PREFIX = "agency.responses.";
    public static final String AGENCY_RESPONSES_SUFFIX = ".v1";
    /** Every agency's answer topic, as a regular expression (referral-service subscribes to the pattern). */
    public static final String AGENCY_RESPONSES_PATTERN = "agency\\.responses\\.[a-z][a-z0-9-]+\\.[0-9]{2}\\.v1";
    /** Where referral-service puts an answer it cannot read (one for all the answer topics). */
    public static final String AGENCY_RESPONSES_DEAD_LETTER = "agency.responses.v1.referral-service.dlt";
    /** Notifications delivered, written by notification-service. */
    public static final String NOTIFICATIONS_DELIVERED = "notifications.delivered.v1";
    /** Notifications that failed after their last retry (the notifications' dead-letter topic). */
    public static final String NOTIFICATIONS_FAILED = "notifications.failed.v1";
    /** The audit trail: every service's chain of audit records, keyed by producer; stored by audit-service. */
    public static final String AUDIT_EVENTS = "audit.events.v1";
    /**
     * Prefix and suffix of the referral topics, one per agency and province: {@code referrals.police.11.v1} holds
     * the referrals to the police of province 11 (Điện Biên), read by that unit's system only.
     */
    public static final String REFERRALS_PREFIX = "referrals.";
    public static final String REFERRALS_SUFFIX = ".v1";
    /** Suffix of a dead-letter topic: {@code <topic>.<consumer group>.dlt}. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private static final Pattern AGENCY_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    private static final Pattern PROVINCE_CODE = Pattern.compile("[0-9]{2}");
    private static final Pattern RESPONSES_TOPIC = Pattern.compile(AGENCY_RESPONSES_PATTERN);

    private Topics() {
    }

    /** The intake topic of a report of this severity: EMERGENCY in its own lane, the others together. */
    public static String intakeReportsFor(Severity severity) {
        return severity == Severity.EMERGENCY ? INTAKE_REPORTS_URGENT : INTAKE_REPORTS;
    }

    /**
     * {@code POLICE, 11} → {@code referrals.police.11.v1}; {@code SOCIAL_AFFAIRS, 01} →
     * {@code referrals.social-affairs.01.v1}.
     */
    public static String referralsFor(String agencyCode, String provinceCode) {
        return REFERRALS_PREFIX + agencySegment(agencyCode) + "." + province(provinceCode) + REFERRALS_SUFFIX;
    }

    /** {@code POLICE, 11} → {@code agency.responses.police.11.v1}: the only topic that agency's system may write. */
    public static String agencyResponsesFor(String agencyCode, String provinceCode) {
        return AGENCY_RESPONSES_PREFIX + agencySegment(agencyCode) + "." + province(provinceCode)
                + AGENCY_RESPONSES_SUFFIX;
    }

    /** {@code POLICE} → {@code police}, the agency's part of its topics' names, its principals' and ACL prefixes. */
    public static String agencySegment(String agencyCode) {
        if (agencyCode == null || !AGENCY_CODE.matcher(agencyCode).matches()) {
            throw new IllegalArgumentException("not an agency code: " + agencyCode);
        }
        return agencyCode.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The agency and province an answer topic belongs to ({@code agency.responses.police.11.v1} → POLICE, 11), or
     * empty for any other name.
     */
    public static Optional<AgencyAndProvince> responderOf(String topic) {
        if (topic == null || !RESPONSES_TOPIC.matcher(topic).matches()) {
            return Optional.empty();
        }
        String[] parts = topic.split("\\.");
        return Optional.of(new AgencyAndProvince(parts[2].toUpperCase(Locale.ROOT).replace('-', '_'),
                parts[3]));
    }

    /** An agency code ({@code POLICE}) and a province code ({@code 11}). */
    public record AgencyAndProvince(String agency, String province) {
    }

    private static String province(String provinceCode) {
        if (provinceCode == null || !PROVINCE_CODE.matcher(provinceCode).matches()) {
            throw new IllegalArgumentException("not a province code: " + provinceCode);
        }
        return provinceCode;
    }

    /** The dead-letter topic of one consumer group on one topic. */
    public static String deadLetterOf(String topic, String group) {
        return topic + "." + group + DEAD_LETTER_SUFFIX;
    }

    /**
     * Where a consumer group puts a record of this topic it cannot take: {@link #deadLetterOf}, except for the
     * agencies' answer topics, which share {@link #AGENCY_RESPONSES_DEAD_LETTER}.
     */
    public static String deadLetterFor(String topic, String group) {
        return responderOf(topic).isPresent() ? AGENCY_RESPONSES_DEAD_LETTER : deadLetterOf(topic, group);
    }
}
