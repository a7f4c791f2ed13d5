package vn.childprotection.platform.audit.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import vn.childprotection.platform.access.audit.AuditChainVerifier;
import vn.childprotection.platform.audit.domain.TrailVerification;

@Schema(name = "AuditVerification", description = "Every producer's chain in the store, verified")
public record VerificationResponse(
        @Schema(description = "true when no chain is broken") boolean intact,
        @Schema(description = "Chains verified (one per producer)") long producers,
        @Schema(description = "Records checked") long records,
        @Schema(description = "The first break (producers in name order), or null") Break firstBreak,
        @Schema(description = "Chains with a break") long brokenChains) {

    @Schema(name = "AuditChainBreak")
    public record Break(String producer,
                        @Schema(description = "The record where the chain breaks") long sequence,
                        @Schema(description = "ALTERED (its fields do not give its hash), MISSING (sequence numbers "
                                + "skipped: records deleted), OUT_OF_ORDER (a sequence number going back or repeating)"
                                + ", NOT_LINKED (its predecessor hash is not the previous record's)") String problem,
                        String detail) {
    }

    static VerificationResponse of(TrailVerification verification) {
        Break first = verification.firstBreak().map(VerificationResponse::of).orElse(null);
        return new VerificationResponse(verification.intact(), verification.producers(), verification.records(),
                first, verification.brokenChains());
    }

    private static Break of(AuditChainVerifier.Broken broken) {
        return new Break(broken.producer(), broken.sequence(), broken.problem().name(), broken.detail());
    }
}
