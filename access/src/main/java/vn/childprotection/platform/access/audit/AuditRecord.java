package vn.childprotection.platform.access.audit;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One audit record: who did (or was refused) what, on which ids, from where; never personal data itself (ids, codes
 * and roles only; the reason of a break-glass reveal is the coordinator's own justification). Each producer chains
 * its records: {@code previousHash} is its predecessor's {@code hash}, and {@code hash} covers every other field, so
 * an altered, deleted or reordered record breaks the chain ({@link AuditChainVerifier}).
 *
 * @param producer      the service (and instance) that wrote it; one chain per producer
 * @param sequence      1, 2, 3, … within the producer's chain
 * @param at            when it happened
 * @param subject       the token's subject
 * @param roles         the caller's roles, comma-separated
 * @param agency        the caller's agency, or {@code null}
 * @param unit          the caller's unit, or {@code null}
 * @param client        the client the token was issued to
 * @param action        what was done or asked: an operation name ({@code READ_CASE}, {@code RESPOND_TO_REFERRAL}, …),
 *                      or {@link #AUTHENTICATE} for a request without a valid token
 * @param resource      the request: method and path (ids only, never a query string)
 * @param caseId        the case concerned, or {@code null}
 * @param referralId    the referral concerned, or {@code null}
 * @param notificationId the notification concerned, or {@code null}
 * @param outcome       allowed or refused
 * @param status        the HTTP status answered
 * @param clientAddress the caller's address as the service saw it
 * @param reason        the written reason of a break-glass reveal, or {@code null}
 * @param previousHash  the predecessor's hash ({@link AuditChain#GENESIS} for the first)
 * @param hash          SHA-256 over every field above, hex
 */
public record AuditRecord(String producer, long sequence, Instant at, String subject, String roles, String agency,
                          String unit, String client, String action, String resource, String caseId,
                          String referralId,
                          String notificationId, Outcome outcome, int status, String clientAddress, String reason,
                          String previousHash, String hash) {

    public enum Outcome { ALLOWED, REFUSED }

    /** The action of a request refused for want of a valid token. */
    public static final String AUTHENTICATE = "AUTHENTICATE";

    /** This record at {@code sequence} of its chain, after {@code previousHash}, carrying {@code hash}. */
    AuditRecord chained(long sequence, String previousHash, String hash) {
        return new AuditRecord(producer, sequence, at, subject, roles, agency, unit, client, action, resource, caseId,
                referralId, notificationId, outcome, status, clientAddress, reason, previousHash, hash);
    }

    /** Every field the hash covers, in a fixed order. */
    List<String> chainedFields() {
        return Arrays.asList(producer, Long.toString(sequence), at == null ? null : at.toString(), subject, roles,
                agency, unit, client, action, resource, caseId, referralId, notificationId,
                outcome == null ? null : outcome.name(), Integer.toString(status), clientAddress, reason,
                previousHash);
    }
}
