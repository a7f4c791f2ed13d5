package vn.childprotection.platform.contracts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A hotline report made durable by intake-service. The only message that carries the informant's and the child's
 * identity and the narrative; its key is the case id, never anything personal.
 *
 * @param reportId   the caller's idempotency key
 * @param caseId     {@link Ids#caseIdFor(UUID)} of the report id, so every service derives the same case
 * @param receivedAt when the hotline received the report, with the caller's offset
 * @param submittedBy the account (token subject) that submitted it, so that its operator may read the case back for
 *                    a while; {@code null} in reports of earlier versions
 */
public record ReportSubmitted(
        String eventId,
        Instant occurredAt,
        String caseId,
        UUID reportId,
        OffsetDateTime receivedAt,
        Channel channel,
        ContactType contactType,
        List<Concern> concerns,
        Severity severity,
        Location location,
        Child child,
        Reporter reporter,
        String narrative,
        String submittedBy,
        AreaPlacement placement) implements IntakeEvent {

    public static final String TYPE = "ReportSubmitted.v1";

    public ReportSubmitted {
        concerns = List.copyOf(concerns);
    }

    /** A report without its submitter (as reports were before the field existed). */
    public ReportSubmitted(String eventId, Instant occurredAt, String caseId, UUID reportId,
                           OffsetDateTime receivedAt, Channel channel, ContactType contactType, List<Concern> concerns,
                           Severity severity, Location location, Child child, Reporter reporter, String narrative) {
        this(eventId, occurredAt, caseId, reportId, receivedAt, channel, contactType, concerns, severity, location,
                child, reporter, narrative, null, null);
    }

    /** A report without its area placement (as reports were before intake placed codes on the map of their day). */
    public ReportSubmitted(String eventId, Instant occurredAt, String caseId, UUID reportId,
                           OffsetDateTime receivedAt, Channel channel, ContactType contactType, List<Concern> concerns,
                           Severity severity, Location location, Child child, Reporter reporter, String narrative,
                           String submittedBy) {
        this(eventId, occurredAt, caseId, reportId, receivedAt, channel, contactType, concerns, severity, location,
                child, reporter, narrative, submittedBy, null);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
