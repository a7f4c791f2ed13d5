package vn.childprotection.platform.contracts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A case was opened from a report: a counselling contact (recorded and counted, {@code referralCount} 0) or an
 * intervention that was routed. Carries no personal data: the child only as sex and age, the informant only as
 * whether they want feedback.
 */
public record CaseOpened(
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
        ChildProfile child,
        boolean informantExpectsFeedback,
        CaseStatus status,
        int referralCount) implements CaseEvent {

    public static final String TYPE = "CaseOpened.v1";

    public CaseOpened {
        concerns = List.copyOf(concerns);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
