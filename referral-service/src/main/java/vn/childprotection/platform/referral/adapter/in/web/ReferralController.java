package vn.childprotection.platform.referral.adapter.in.web;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.platform.access.AccessPolicy;
import vn.childprotection.platform.access.Actor;
import vn.childprotection.platform.access.Decision;
import vn.childprotection.platform.access.Operation;
import vn.childprotection.platform.access.Target;
import vn.childprotection.platform.contracts.AgencyResponse;
import vn.childprotection.platform.contracts.ReferralStatus;
import vn.childprotection.platform.referral.application.port.in.ReadCasesUseCase;
import vn.childprotection.platform.referral.application.port.in.RespondToReferralUseCase;
import vn.childprotection.platform.referral.application.port.out.CaseRepository;
import vn.childprotection.platform.referral.domain.ListPage;
import vn.childprotection.platform.referral.domain.ResponseRejection;
import vn.childprotection.platform.support.audit.AuditIds;
import vn.childprotection.platform.support.security.AccessGuard;
import vn.childprotection.platform.support.security.AccessRefusedException;

import java.util.UUID;

/**
 * The agency loop over HTTP, for agencies without Kafka (S0 Art 7.2): list the referrals addressed to the caller's
 * units, read one with what the agency needs to act, post a response. The answering agency and unit are the
 * credential's: a body naming another agency, or a unit outside the credential's, is refused (403) and recorded.
 * Every read and every response is an audit record written before the answer.
 */
@RestController
@RequestMapping("/api/v1/referrals")
@Tag(name = "referrals", description = "Agencies' responses to their referrals (S0 Art 7.2) and referral state")
public class ReferralController {

    private static final String PROBLEM = "application/problem+json";

    private final RespondToReferralUseCase referrals;
    private final ReadCasesUseCase cases;
    private final AccessGuard guard;
    private final JsonMapper json;

    public ReferralController(RespondToReferralUseCase referrals, ReadCasesUseCase cases, AccessGuard guard,
                              JsonMapper json) {
        this.referrals = referrals;
        this.cases = cases;
        this.guard = guard;
        this.json = json;
    }

    @GetMapping
    @io.swagger.v3.oas.annotations.Operation(summary = "The referrals addressed to the caller, newest first",
            description = "An agency officer: its unit's and those under it; an agency system: its agency's in its "
                    + "provinces; a coordinator: its provinces'. Narrowed in the store query, total counts only "
                    + "those. No names, no narrative: read one referral for those.")
    @ApiResponse(responseCode = "200", description = "A page of referrals")
    @ApiResponse(responseCode = "400", description = "A bad parameter, each named",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "The caller's role may not list referrals",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public PageResponse<ReferralSummaryResponse> list(
            Actor actor,
            @Parameter(description = "Only referrals in this status") @RequestParam(name = "status",
                    required = false) ReferralStatus status,
            @Parameter(description = "Page number, from 0") @RequestParam(name = "page", defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to " + PageResponse.MAX_SIZE)
            @RequestParam(name = "size", defaultValue = "50") int size) {
        PageResponse.check(page, size);
        guard.requireRole(actor, Operation.LIST_REFERRALS);
        ListPage<CaseRepository.ScopedReferral> found = cases.listReferrals(
                guard.scope(actor, Operation.LIST_REFERRALS), status, page, size);
        guard.allowed(actor, Operation.LIST_REFERRALS, AuditIds.none(), 200);
        return PageResponse.of(found, ReferralSummaryResponse::of);
    }

    @PostMapping(path = "/{referralId}/responses", consumes = MediaType.APPLICATION_JSON_VALUE)
    @io.swagger.v3.oas.annotations.Operation(summary = "An agency's response to a referral",
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
            Actor actor,
            @Parameter(description = "The referral id (a UUID)") @PathVariable("referralId") UUID referralId,
            @RequestBody String body) {
        String id = referralId.toString();
        guard.requireRole(actor, Operation.RESPOND_TO_REFERRAL);
        AgencyResponse response = ResponseRequestReader.read(json, body, id, actor.agency());
        if (AccessPolicy.checkClaimedResponder(actor, response.agency(), response.unitId())
                instanceof Decision.Forbidden(String reason)) {
            guard.refused(actor, Operation.RESPOND_TO_REFERRAL, AuditIds.ofReferral(response.caseId(), id), 403,
                    reason);
            throw new AccessRefusedException(reason);
        }
        RespondToReferralUseCase.ReferralView view = referrals.referral(id).orElseThrow(() -> unknown(id));
        guard.require(actor, Operation.RESPOND_TO_REFERRAL, targetOf(view), ids(view), () -> unknown(id));
        // the record first: no response is applied without the record of who gave it
        AccessGuard.Attempt attempt = guard.attempt(actor, Operation.RESPOND_TO_REFERRAL, ids(view), 200);
        RespondToReferralUseCase.Outcome outcome;
        try {
            outcome = referrals.respond(response, RespondToReferralUseCase.Channel.HTTP);
        } catch (RespondToReferralUseCase.ConcurrentChangeException e) {
            attempt.failed(HttpStatus.CONFLICT.value(), "concurrent-change");
            throw new ResponseRefusedException(HttpStatus.CONFLICT, "concurrent-change", "Concurrent change",
                    "The case changed concurrently; nothing was applied. Send the response again.");
        }
        return switch (outcome) {
            case RespondToReferralUseCase.Applied applied ->
                    ReferralStateResponse.of(applied.updated(), applied.referral(), applied.issued());
            case RespondToReferralUseCase.Duplicate duplicate -> {
                attempt.failed(HttpStatus.CONFLICT.value(), ResponseRejection.DUPLICATE_RESPONSE.code());
                throw new ResponseRefusedException(
                        HttpStatus.CONFLICT, ResponseRejection.DUPLICATE_RESPONSE.code(), "Duplicate response",
                        "Response " + duplicate.responseId() + " was already applied to case " + duplicate.caseId()
                                + "; nothing changed.");
            }
            case RespondToReferralUseCase.Rejected rejected -> {
                ResponseRefusedException refused = refused(rejected);
                attempt.failed(refused.status().value(), rejected.code());
                throw refused;
            }
        };
    }

    @GetMapping("/{referralId}")
    @io.swagger.v3.oas.annotations.Operation(summary = "A referral's state",
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
            Actor actor,
            @Parameter(description = "The referral id (a UUID)") @PathVariable("referralId") UUID referralId) {
        String id = referralId.toString();
        guard.requireRole(actor, Operation.READ_REFERRAL);
        RespondToReferralUseCase.ReferralView view = referrals.referral(id).orElseThrow(() -> unknown(id));
        guard.require(actor, Operation.READ_REFERRAL, targetOf(view), ids(view), () -> unknown(id));
        guard.allowed(actor, Operation.READ_REFERRAL, ids(view), 200);
        return ReferralStateResponse.withBrief(view.owner(), view.referral());
    }

    private static Target targetOf(RespondToReferralUseCase.ReferralView view) {
        return new Target.Referral(view.owner().location() == null ? null
                : view.owner().location().provinceCode(), view.referral().unitId());
    }

    private static AuditIds ids(RespondToReferralUseCase.ReferralView view) {
        return AuditIds.ofReferral(view.owner().caseId(), view.referral().referralId());
    }

    /** The same answer for a referral that does not exist and one outside the caller's scope. */
    private static ResponseRefusedException unknown(String id) {
        return new ResponseRefusedException(HttpStatus.NOT_FOUND, ResponseRejection.UNKNOWN_REFERRAL.code(),
                "Referral not found", "No referral has id " + id + ".");
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
