package vn.childprotection.platform.intake.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.UUID;

/** The answer to an accepted report: the case it opened. */
@Schema(description = "The report is durably on intake.reports.v1 (EMERGENCY: intake.reports.urgent.v1); the case id "
        + "is final.")
public record ReportResponse(
        @Schema(example = "3f0e9a4c-2b1d-4c8e-9f6a-7d5b1e2c3a40") UUID reportId,
        @Schema(example = "b8a2c1d4-5e6f-3a7b-8c9d-0e1f2a3b4c5d") String caseId,
        @Schema(example = "ACCEPTED", allowableValues = "ACCEPTED") String status) {

    static ReportResponse accepted(UUID reportId, String caseId) {
        return new ReportResponse(reportId, caseId, "ACCEPTED");
    }
}
