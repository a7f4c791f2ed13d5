package vn.childprotection.platform.referral.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import vn.childprotection.platform.contracts.PersonalDataErased;
import vn.childprotection.platform.referral.domain.PersonalDataErasure;

import java.time.Instant;

/** The erasure of a case's personal data: when and why; never the reason's text (the audit trail keeps it). */
@Schema(description = "When and why the case's personal data was erased")
public record ErasureResponse(
        String caseId,
        Instant erasedAt,
        @Schema(description = "RETENTION: the closed case's period ran out; REQUEST: a coordinator asked")
        PersonalDataErased.Cause cause,
        @Schema(description = "true when it had been erased before this request (nothing changed)")
        boolean alreadyErased) {

    static ErasureResponse of(String caseId, PersonalDataErasure erasure, boolean alreadyErased) {
        return new ErasureResponse(caseId, erasure.at(), erasure.cause(), alreadyErased);
    }
}
