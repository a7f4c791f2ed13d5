package vn.childprotection.platform.audit.adapter.in.web;

import io.swagger.v3.oas.annotations.Parameter;

/** The trail's query parameters, as text: {@link AuditQueryParser} reads them and names every bad one. */
public record AuditParams(
        @Parameter(description = "The caller's token subject (`sub`)", example = "subject-coordinator-11")
        String actor,
        @Parameter(description = "The service instance that wrote the records (one chain), e.g. the producer a "
                + "verification names", example = "referral-service-1a2b3c4d")
        String producer,
        @Parameter(description = "Case id (UUID)")
        String caseId,
        @Parameter(description = "Operation name (READ_CASE, RESPOND_TO_REFERRAL, …) or AUTHENTICATE",
                example = "READ_CASE")
        String action,
        @Parameter(description = "ALLOWED or REFUSED")
        String outcome,
        @Parameter(description = "First instant included (ISO-8601, e.g. 2026-12-07T00:00:00Z or …+07:00)")
        String from,
        @Parameter(description = "First instant no longer included (ISO-8601)")
        String to,
        @Parameter(description = "Zero-based page number (JSON only)", example = "0")
        String page,
        @Parameter(description = "Records per page, 1 to 500 (JSON only)", example = "50")
        String size,
        @Parameter(description = "csv for a CSV export of every selected record (EXPORT_AUDIT); JSON otherwise. "
                + "Accept: text/csv asks for CSV as well")
        String format) {
}
