package vn.childprotection.platform.audit.domain;

import vn.childprotection.platform.access.audit.AuditRecord;

import java.time.Instant;

/**
 * Which audit records an auditor asks for; a {@code null} field does not narrow.
 *
 * @param subject  the caller's token subject ({@code actor} in the API)
 * @param producer the service instance that wrote the record (one chain)
 * @param caseId   the case concerned
 * @param action   an operation name, or {@code AUTHENTICATE}
 * @param outcome  allowed or refused
 * @param from     first instant included
 * @param to       first instant no longer included
 */
public record AuditFilter(String subject, String producer, String caseId, String action,
                          AuditRecord.Outcome outcome, Instant from, Instant to) {

    public AuditFilter {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from is after to");
        }
    }

    public static AuditFilter everything() {
        return new AuditFilter(null, null, null, null, null, null, null);
    }
}
