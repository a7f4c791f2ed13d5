package vn.childprotection.platform.referral.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import vn.childprotection.platform.contracts.ReasonCode;
import vn.childprotection.platform.contracts.ReferralOutcome;
import vn.childprotection.platform.contracts.ResponseAction;

import java.time.Instant;

/** OpenAPI description of the response body (the {@code agency.responses.v1} message); read by ResponseRequestReader. */
@Schema(name = "AgencyResponse", description = "An agency's answer to a referral (S0 Art 7.2); the same body as on "
        + "agency.responses.v1. Unknown fields are refused.")
record AgencyResponseBody(
        @Schema(description = "Optional; AgencyResponse.v1 when given") String eventType,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The agency's own id of this answer; "
                + "unique per case (a repeat is a duplicate)", pattern = "^[A-Za-z0-9._:-]{1,100}$") String responseId,
        @Schema(description = "Optional here; must equal the path's referral id when given") String referralId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "uuid") String caseId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The agency the referral was issued to "
                + "(will come from the caller's identity once authentication exists)", example = "POLICE")
        String agency,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ResponseAction action,
        @Schema(description = "Required for DECLINED and FORWARDED; agency wording, kept in the referral store only",
                maxLength = 2000) String reason,
        @Schema(description = "Optional code for DECLINED and FORWARDED (OTHER when left out)") ReasonCode reasonCode,
        @Schema(description = "Agency code; required for FORWARDED", example = "HEALTH") String forwardTo,
        @Schema(description = "Required for COMPLETED") ReferralOutcome outcome,
        @Schema(description = "Agency-internal note", maxLength = 4000) String note,
        @Schema(description = "The directory unit answering", maxLength = 100) String unitId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "When the agency acted (ISO-8601)")
        Instant occurredAt) {
}
