package vn.childprotection.platform.contracts;

import java.util.List;

/**
 * The catalog of topics: each has exactly one writing service, except the audit trail, where every service writes
 * its own chain of records under its own key (one writer per key). The README's topic table mirrors this enum
 * (a test keeps them in step).
 */
public enum TopicCatalog {

    INTAKE_REPORTS(Topics.INTAKE_REPORTS, "case id", "intake-service",
            List.of("referral-service", "notification-service"),
            "schemas/intake-event.schema.json",
            "Reports accepted by intake (202), with personal data; notification-service keeps only the contact of "
                    + "an informant who asked for feedback."),
    INTAKE_REPORTS_URGENT(Topics.INTAKE_REPORTS_URGENT, "case id", "intake-service",
            List.of("referral-service", "notification-service"),
            "schemas/intake-event.schema.json",
            "The EMERGENCY reports, in a lane of their own (same messages as intake.reports.v1): never queued behind "
                    + "a backlog of other reports."),
    CASE_EVENTS(Topics.CASE_EVENTS, "case id", "referral-service",
            List.of("notification-service", "reporting-service"),
            "schemas/case-event.schema.json", "Every state change of a case; no personal data."),
    AGENCY_REFERRALS(Topics.REFERRALS_PREFIX + "<agency>.<province>" + Topics.REFERRALS_SUFFIX, "case id",
            "referral-service", List.of("that agency's system in that province (or its national system)"),
            "schemas/agency-referral-event.schema.json",
            "One topic per agency and province: the referrals that agency's unit there must act on; no other agency "
                    + "system may read it."),
    AGENCY_RESPONSES(Topics.AGENCY_RESPONSES_PREFIX + "<agency>.<province>" + Topics.AGENCY_RESPONSES_SUFFIX,
            "case id", "that agency's system in that province (or its national system)", List.of("referral-service"),
            "schemas/agency-response-event.schema.json",
            "Agencies' answers to referrals (acknowledged, accepted, declined, forwarded, in progress, completed), one "
                    + "topic per agency and province: the topic, which only that system may write, says who answered."),
    NOTIFICATIONS_DELIVERED(Topics.NOTIFICATIONS_DELIVERED, "case id", "notification-service",
            List.of("reporting-service"), "schemas/notification-event.schema.json",
            "Notifications delivered: ids, kind, channel, recipient role; no address."),
    NOTIFICATIONS_FAILED(Topics.NOTIFICATIONS_FAILED, "case id", "notification-service",
            List.of("reporting-service", "operators"), "schemas/notification-event.schema.json",
            "Notifications failed after the last retry (dead letter; re-sendable); no address."),
    AUDIT_EVENTS(Topics.AUDIT_EVENTS, "producer id", "every service (each instance its own chain)",
            List.of("audit-service"), "schemas/audit-event.schema.json",
            "The audit trail: every read of personal data, every action and every refusal, hash-chained per "
                    + "producer; ids, codes and roles only.");

    private final String topic;
    private final String key;
    private final String writer;
    private final List<String> readers;
    private final String schema;
    private final String description;

    TopicCatalog(String topic, String key, String writer, List<String> readers, String schema, String description) {
        this.topic = topic;
        this.key = key;
        this.writer = writer;
        this.readers = readers;
        this.schema = schema;
        this.description = description;
    }

    public String topic() { return topic; }

    public String key() { return key; }

    public String writer() { return writer; }

    public List<String> readers() { return readers; }

    /** Classpath location of the JSON Schema (draft 2020-12) of the topic's messages. */
    public String schema() { return schema; }

    public String description() { return description; }
}
