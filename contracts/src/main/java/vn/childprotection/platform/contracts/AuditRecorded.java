package vn.childprotection.platform.contracts;

import java.time.Instant;

/**
 * One audit record: who did, or was refused, what, on which ids, from where. Each producer (a service instance)
 * chains its records: {@code previousHash} is its predecessor's {@code hash}, and {@code hash} is SHA-256 over every
 * other field (module {@code access}, {@code AuditChain}), so an altered, deleted or reordered record is detected.
 *
 * @param eventId        deterministic: {@code Ids.nameBased(TYPE, producer, String.valueOf(sequence))}
 * @param occurredAt     when it happened
 * @param caseId         the case concerned, or {@code null}
 * @param producer       the service instance that wrote it (also the message key): one chain per producer
 * @param sequence       1, 2, 3, … within the producer's chain
 * @param subject        the token's subject, or {@code null} when the caller presented no valid token
 * @param roles          the caller's platform roles, comma-separated
 * @param agency         the caller's agency, or {@code null}
 * @param unit           the caller's unit, or {@code null}
 * @param client         the client the token was issued to
 * @param action         an operation name ({@code READ_CASE}, {@code RESPOND_TO_REFERRAL}, …) or
 *                       {@code AUTHENTICATE} for a request without a valid token
 * @param resource       the request: method and path (ids only, never a query string)
 * @param referralId     the referral concerned, or {@code null}
 * @param notificationId the notification concerned, or {@code null}
 * @param outcome        {@code ALLOWED} or {@code REFUSED}
 * @param status         the HTTP status answered
 * @param clientAddress  the caller's address as the service saw it
 * @param reason         the written reason of a break-glass reveal, or a refusal's reason; {@code null} otherwise
 * @param previousHash   the predecessor's hash (64 zeros for a chain's first record)
 * @param hash           SHA-256 over the fields above, hex
 */
public record AuditRecorded(
        String eventId,
        Instant occurredAt,
        String caseId,
        String producer,
        long sequence,
        String subject,
        String roles,
        String agency,
        String unit,
        String client,
        String action,
        String resource,
        String referralId,
        String notificationId,
        String outcome,
        int status,
        String clientAddress,
        String reason,
        String previousHash,
        String hash) implements AuditEvent {

    public static final String TYPE = "AuditRecorded.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}
