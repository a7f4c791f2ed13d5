package vn.childprotection.platform.audit.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import vn.childprotection.platform.access.audit.AuditRecord;
import vn.childprotection.platform.audit.domain.StoredRecord;

import java.time.Instant;

@Schema(name = "AuditRecord", description = "One audit record, every field its chain's hash covers, as stored")
public record AuditRecordResponse(
        @Schema(description = "The message's event id") String eventId,
        @Schema(description = "When it happened (the exact instant the hash covers)") Instant occurredAt,
        @Schema(description = "The service instance that wrote it: one chain per producer") String producer,
        @Schema(description = "Its place in the producer's chain, from 1") long sequence,
        @Schema(description = "The caller's token subject; absent for a request without a valid token")
        String subject,
        @Schema(description = "The caller's platform roles, comma-separated") String roles,
        String agency,
        String unit,
        @Schema(description = "The client the token was issued to") String client,
        @Schema(description = "Operation name, or AUTHENTICATE", example = "READ_CASE") String action,
        @Schema(description = "Method and path (ids only)", example = "GET /api/v1/cases/…") String resource,
        String caseId,
        String referralId,
        String notificationId,
        @Schema(description = "ALLOWED or REFUSED") String outcome,
        @Schema(description = "The HTTP status answered") int status,
        String clientAddress,
        @Schema(description = "A break-glass reveal's written reason, or why the request was refused")
        String reason,
        String previousHash,
        String hash,
        @Schema(description = "true for a second record under an event id already kept with other content")
        boolean conflicting) {

    static AuditRecordResponse of(StoredRecord stored) {
        AuditRecord r = stored.record();
        return new AuditRecordResponse(stored.eventId(), r.at(), r.producer(), r.sequence(), r.subject(), r.roles(),
                r.agency(), r.unit(), r.client(), r.action(), r.resource(), r.caseId(), r.referralId(),
                r.notificationId(), r.outcome() == null ? null : r.outcome().name(), r.status(), r.clientAddress(),
                r.reason(), r.previousHash(), r.hash(), stored.conflicting());
    }
}
