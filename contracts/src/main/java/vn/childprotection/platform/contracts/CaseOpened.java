package vn.childprotection.platform.contracts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A case was opened from a report: a counselling contact (recorded and counted, {@code referralCount} 0) or an
 * intervention that was routed. Carries no personal data: the child only as sex and age, the informant only as
 * whether they want feedback.
 *
 * <p>{@code childKey} is optional (added later, additive): a pseudonym of the child — the hex HMAC-SHA256, under a
 * secret only referral-service holds, of the child's NFC-normalised, lower-cased full name, sex and province code —
 * so that reporting can count repeat reports about the same child without learning who the child is; {@code null}
 * when the child's name is unknown.
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
        int referralCount,
        String childKey) implements CaseEvent {

    public static final String TYPE = "CaseOpened.v1";

    public CaseOpened {
        concerns = List.copyOf(concerns);
    }

    /** Without the optional {@code childKey} (messages written before it existed). */
    public CaseOpened(String eventId, Instant occurredAt, String caseId, UUID reportId, OffsetDateTime receivedAt,
                      Channel channel, ContactType contactType, List<Concern> concerns, Severity severity,
                      Location location, ChildProfile child, boolean informantExpectsFeedback, CaseStatus status,
                      int referralCount) {
        this(eventId, occurredAt, caseId, reportId, receivedAt, channel, contactType, concerns, severity, location,
                child, informantExpectsFeedback, status, referralCount, null);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
