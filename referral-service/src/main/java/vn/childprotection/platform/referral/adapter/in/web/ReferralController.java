package vn.childprotection.platform.referral.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.platform.contracts.AgencyResponse;
import vn.childprotection.platform.referral.application.port.in.RespondToReferralUseCase;
import vn.childprotection.platform.referral.domain.ResponseRejection;

import java.util.List;
import java.util.UUID;

/**
 * The agency loop over HTTP, for agencies without Kafka (S0 Art 7.2): post a response to a referral, read a referral's
 * state. Until authentication exists the agency is taken from the body; then it will come from the caller's identity.
 */
@RestController
@RequestMapping("/api/v1/referrals")
@Tag(name = "referrals", description = "Agencies' responses to their referrals (S0 Art 7.2) and referral state")
public class ReferralController {

    private final RespondToReferralUseCase referrals;

    public ReferralController(RespondToReferralUseCase referrals) {
        this.referrals = referrals;
    }

    @PostMapping(path = "/{referralId}/responses", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An agency's response to a referral",
            description = "The body of an agency.responses.v1 message (referralId optional). Applied in one atomic "
                    + "update of the case: the referral's status (ISSUED → ACKNOWLEDGED/ACCEPTED/DECLINED/FORWARDED; "
                    + "ACCEPTED → IN_PROGRESS/COMPLETED/FORWARDED; IN_PROGRESS → IN_PROGRESS/COMPLETED), its "
                    + "deadlines, the case status derived from all referrals; FORWARDED issues a referral to the "
                    + "target agency, DECLINED by the case's only primary agency one to the standing agency for "
                    + "triage (S0 Art 8.4).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = AgencyResponseBody.class))))
    @ApiResponse(responseCode = "200", description = "Applied: the referral's new state and the case status")
    @ApiResponse(responseCode = "400", description = "Bad fields, each named in errors[] (unknown fields, missing "
            + "reason/forwardTo/outcome, bad enum values or dates)",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such referral (code unknown-referral)",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "Refused, nothing changed; code: transition-not-allowed, "
            + "wrong-agency, duplicate-response, case-mismatch, forward-target-invalid, concurrent-change",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    public ReferralStateResponse respond(
            @Parameter(description = "The referral id (a UUID)") @PathVariable("referralId") UUID referralId,
            @RequestBody String body) {
        AgencyResponse response = ResponseRequestReader.read(body, referralId.toString());
        RespondToReferralUseCase.Outcome outcome;
        try {
            outcome = referrals.respond(response, RespondToReferralUseCase.Channel.HTTP);
        } catch (RespondToReferralUseCase.ConcurrentChangeException e) {
            throw new ResponseRefusedException(HttpStatus.CONFLICT, "concurrent-change", "Concurrent change",
                    "The case changed concurrently; nothing was applied. Send the response again.");
        }
        return switch (outcome) {
            case RespondToReferralUseCase.Applied applied ->
                    ReferralStateResponse.of(applied.updated(), applied.referral(), applied.issued());
            case RespondToReferralUseCase.Duplicate duplicate -> throw new ResponseRefusedException(
                    HttpStatus.CONFLICT, ResponseRejection.DUPLICATE_RESPONSE.code(), "Duplicate response",
                    "Response " + duplicate.responseId() + " was already applied to case " + duplicate.caseId()
                            + "; nothing changed.");
            case RespondToReferralUseCase.Rejected rejected -> throw refused(rejected);
        };
    }

    @GetMapping("/{referralId}")
    @Operation(summary = "A referral's state",
            description = "Status, allowed actions, deadlines (due, met, reminded, escalated), the response history "
                    + "and the case status. No child or informant data.")
    @ApiResponse(responseCode = "200", description = "The referral")
    @ApiResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such referral",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    public ReferralStateResponse get(
            @Parameter(description = "The referral id (a UUID)") @PathVariable("referralId") UUID referralId) {
        String id = referralId.toString();
        return referrals.referral(id).map(view -> ReferralStateResponse.of(view.owner(), view.referral(), List.of()))
                .orElseThrow(() -> new ResponseRefusedException(HttpStatus.NOT_FOUND,
                        ResponseRejection.UNKNOWN_REFERRAL.code(), "Referral not found",
                        "No referral has id " + id + "."));
    }

    private static ResponseRefusedException refused(RespondToReferralUseCase.Rejected rejected) {
        if (rejected.rejection() == ResponseRejection.UNKNOWN_REFERRAL) {
            return new ResponseRefusedException(HttpStatus.NOT_FOUND, rejected.code(), "Referral not found",
                    rejected.detail());
        }
        return new ResponseRefusedException(HttpStatus.CONFLICT, rejected.code(), "Response refused",
                rejected.detail());
    }
}
