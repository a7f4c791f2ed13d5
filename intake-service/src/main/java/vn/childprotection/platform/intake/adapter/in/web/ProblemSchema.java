package vn.childprotection.platform.intake.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem as intake writes it, for the OpenAPI document only. */
@Schema(name = "Problem", description = "application/problem+json (RFC 9457); never a stack trace")
record ProblemSchema(
        @Schema(example = "urn:problem-type:cprp:invalid-report") String type,
        @Schema(example = "Invalid report") String title,
        @Schema(example = "400") int status,
        @Schema(example = "2 fields are not valid.") String detail,
        @Schema(example = "/api/v1/reports") String instance,
        @Schema(description = "400 only: every bad field") List<FieldError> errors) {

    @Schema(name = "FieldError")
    record FieldError(@Schema(description = "JSON path of the field", example = "location.provinceCode") String field,
                      @Schema(example = "must be a 2-digit province code") String message) {
    }
}
