package vn.childprotection.platform.referral.adapter.in.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
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
import vn.childprotection.platform.access.Actor;
import vn.childprotection.platform.access.Operation;
import vn.childprotection.platform.access.Role;
import vn.childprotection.platform.access.Target;
import vn.childprotection.platform.contracts.CaseStatus;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.referral.application.port.in.ErasePersonalDataUseCase;
import vn.childprotection.platform.referral.application.port.in.ReadCasesUseCase;
import vn.childprotection.platform.referral.application.port.out.CaseFilter;
import vn.childprotection.platform.referral.domain.Case;
import vn.childprotection.platform.referral.domain.ListPage;
import vn.childprotection.platform.support.audit.AuditIds;
import vn.childprotection.platform.support.security.AccessGuard;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Cases and the routing ruleset, read-only, each for whom the access policy lets read them: a coordinator the cases
 * of its provinces (the informant only through a reveal with a written reason), an operator for a while the cases it
 * submitted (the routing, to confirm it to the caller), an operator the ruleset and a routing preview; a coordinator
 * may erase a case's personal data with a written reason. Every read of a case, every reveal and every erasure is an
 * audit record written before the answer.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "cases", description = "Cases opened from hotline reports and their referrals (S0 Art 9.5)")
public class CaseController {

    private static final String PROBLEM = "application/problem+json";
    /** The days of the case search are Vietnam's (UTC+7, no daylight saving). */
    private static final ZoneId DAY_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Pattern COMMUNE = Pattern.compile("\\d{5}");
    /** The shortest written reason a reveal accepts (a policy default). */
    static final int MIN_REVEAL_REASON = 15;

    private final ReadCasesUseCase cases;
    private final ErasePersonalDataUseCase erasure;
    private final AccessGuard guard;

    public CaseController(ReadCasesUseCase cases, ErasePersonalDataUseCase erasure, AccessGuard guard) {
        this.cases = cases;
        this.erasure = erasure;
        this.guard = guard;
    }

    @GetMapping("/cases")
    @io.swagger.v3.oas.annotations.Operation(
            summary = "The cases of the caller's provinces, newest first (coordinators); an operator's own reports",
            description = "Narrowed in the store query to the caller's provinces (an operator: the reports it "
                    + "submitted in the last 24 hours): total counts only those. triage=true gives the triage queue "
                    + "(cases whose routing needs a person's look), escalated=true the cases escalated to the "
                    + "coordinator; commune, concern and the days the case was opened (Asia/Ho_Chi_Minh, both "
                    + "inclusive) narrow further. No names, no narrative, no informant.")
    @ApiResponse(responseCode = "200", description = "A page of cases")
    @ApiResponse(responseCode = "400", description = "A bad parameter, each named",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "The caller's role may not list cases",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public PageResponse<CaseSummaryResponse> listCases(
            Actor actor,
            @Parameter(description = "Only cases in this status") @RequestParam(name = "status", required = false)
            CaseStatus status,
            @Parameter(description = "Only the triage queue") @RequestParam(name = "triage", defaultValue = "false")
            boolean triage,
            @Parameter(description = "Only cases escalated to the coordinator")
            @RequestParam(name = "escalated", defaultValue = "false") boolean escalated,
            @Parameter(description = "Only cases in this commune (5 digits)")
            @RequestParam(name = "commune", required = false) String commune,
            @Parameter(description = "Only cases with this concern")
            @RequestParam(name = "concern", required = false) Concern concern,
            @Parameter(description = "Opened on or after this day (yyyy-MM-dd, Asia/Ho_Chi_Minh)")
            @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate from,
            @Parameter(description = "Opened on or before this day (yyyy-MM-dd, Asia/Ho_Chi_Minh)")
            @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate to,
            @Parameter(description = "Page number, from 0") @RequestParam(name = "page", defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to " + PageResponse.MAX_SIZE)
            @RequestParam(name = "size", defaultValue = "50") int size) {
        PageResponse.check(page, size);
        if (commune != null && !COMMUNE.matcher(commune).matches()) {
            throw new BadRequestException("commune", "a commune code is 5 digits");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new BadRequestException("to", "the last day is before the first");
        }
        Operation operation = triage ? Operation.READ_TRIAGE_QUEUE
                : !actor.has(Role.COORDINATOR) && actor.has(Role.OPERATOR) ? Operation.READ_OWN_SUBMISSION
                : Operation.LIST_CASES;
        guard.requireRole(actor, operation);
        CaseFilter filter = new CaseFilter(status, triage, escalated, commune, concern,
                from == null ? null : from.atStartOfDay(DAY_ZONE).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(DAY_ZONE).toInstant());
        ListPage<Case> found = cases.listCases(guard.scope(actor, operation), filter, page, size);
        guard.allowed(actor, operation, AuditIds.none(), 200);
        return PageResponse.of(found, CaseSummaryResponse::of);
    }

    @GetMapping("/cases/{caseId}")
    @io.swagger.v3.oas.annotations.Operation(summary = "One case with its referrals",
            description = "A coordinator of the case's province reads it whole but for the informant (see the "
                    + "reveal); the operator who submitted it reads back, for 24 hours, its routing only (no names, "
                    + "no narrative). Anyone else, or later: 404, as for a case that does not exist.")
    @ApiResponse(responseCode = "200", description = "The case")
    @ApiResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "The caller's role may not read cases",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such case",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    public CaseResponse getCase(Actor actor,
                                @Parameter(description = "The case id (a UUID; Ids.caseIdFor(reportId))")
                                @PathVariable("caseId") UUID caseId) {
        String id = caseId.toString();
        boolean readBack = !actor.has(Role.COORDINATOR) && actor.has(Role.OPERATOR);
        Operation operation = readBack ? Operation.READ_OWN_SUBMISSION : Operation.READ_CASE;
        guard.requireRole(actor, operation);
        Case found = cases.findCase(id).orElseThrow(() -> new CaseNotFoundException(id));
        String province = found.location() == null ? null : found.location().provinceCode();
        Target target = readBack ? new Target.Submission(province, found.submittedBy(), found.openedAt())
                : new Target.Province(province);
        guard.require(actor, operation, target, AuditIds.ofCase(id), () -> new CaseNotFoundException(id));
        guard.allowed(actor, operation, AuditIds.ofCase(id), 200);
        return CaseResponse.of(found, !readBack);
    }

    @PostMapping(path = "/cases/{caseId}/informant-reveal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @io.swagger.v3.oas.annotations.Operation(summary = "Reveal the informant's contact (break-glass, coordinators)",
            description = "The informant's name, phone and relationship, for a coordinator of the case's province "
                    + "who gives a written reason (at least " + MIN_REVEAL_REASON + " characters). The reveal and "
                    + "its reason are an audit record written before the answer.")
    @ApiResponse(responseCode = "200", description = "The informant as reported (anonymous informants: nothing)")
    @ApiResponse(responseCode = "400", description = "No written reason",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "The caller's role may not reveal an informant",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such case in the caller's provinces",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public InformantResponse revealInformant(Actor actor, @PathVariable("caseId") UUID caseId,
                                             @RequestBody RevealRequest request) {
        String id = caseId.toString();
        guard.requireRole(actor, Operation.REVEAL_INFORMANT);
        String reason = request == null || request.reason() == null ? "" : request.reason().strip();
        if (reason.length() < MIN_REVEAL_REASON) {
            throw new BadRequestException("reason", "a written reason of at least " + MIN_REVEAL_REASON
                    + " characters is required");
        }
        Case found = cases.findCase(id).orElseThrow(() -> new CaseNotFoundException(id));
        guard.require(actor, Operation.REVEAL_INFORMANT, new Target.Province(
                        found.location() == null ? null : found.location().provinceCode()), AuditIds.ofCase(id),
                () -> new CaseNotFoundException(id));
        guard.allowed(actor, Operation.REVEAL_INFORMANT, AuditIds.ofCase(id), 200, reason);
        return InformantResponse.of(found.reporter());
    }

    /** @param reason why the coordinator needs the informant's contact: kept in the audit trail */
    public record RevealRequest(String reason) {
    }

    @PostMapping(path = "/cases/{caseId}/erasure", consumes = MediaType.APPLICATION_JSON_VALUE)
    @io.swagger.v3.oas.annotations.Operation(summary = "Erase the personal data of one case (coordinators)",
            description = "For a coordinator of the case's province who gives a written reason (at least "
                    + MIN_REVEAL_REASON + " characters): the child's name, the informant's name and phone, the "
                    + "narrative, the agencies' wording in the responses and the same fields in the copies of the "
                    + "messages the case holds are erased; codes, the child's sex and age, times, statuses, "
                    + "referrals and deadlines stay, so every figure stays as it was. The request and its reason are "
                    + "an audit record written before the erasure; PersonalDataErased.v1 (no personal data, no "
                    + "reason) goes to case.events.v1, and notification-service forgets the informant's contact. "
                    + "Erasing an erased case again changes nothing and answers the first erasure. A work order "
                    + "already on an agency's topic stays with the agency.")
    @ApiResponse(responseCode = "200", description = "Erased (now, or before: erasedAt and cause say when and why)")
    @ApiResponse(responseCode = "400", description = "No written reason, or the id is not a UUID",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "The caller's role may not erase personal data",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such case in the caller's provinces",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "The case kept changing meanwhile (code concurrent-change): "
            + "nothing was erased, ask again",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public ErasureResponse erasePersonalData(Actor actor,
                                             @Parameter(description = "The case id (a UUID)")
                                             @PathVariable("caseId") UUID caseId,
                                             @RequestBody ErasureRequest request) {
        String id = caseId.toString();
        guard.requireRole(actor, Operation.ERASE_PERSONAL_DATA);
        String reason = request == null || request.reason() == null ? "" : request.reason().strip();
        if (reason.length() < MIN_REVEAL_REASON) {
            throw new BadRequestException("reason", "a written reason of at least " + MIN_REVEAL_REASON
                    + " characters is required");
        }
        Case found = cases.findCase(id).orElseThrow(() -> new CaseNotFoundException(id));
        guard.require(actor, Operation.ERASE_PERSONAL_DATA, new Target.Province(
                        found.location() == null ? null : found.location().provinceCode()), AuditIds.ofCase(id),
                () -> new CaseNotFoundException(id));
        // recorded, with its reason, before it is carried out: nothing is erased without its record
        guard.allowed(actor, Operation.ERASE_PERSONAL_DATA, AuditIds.ofCase(id), 200, reason);
        return switch (erasure.eraseOnRequest(id, guard.scope(actor, Operation.ERASE_PERSONAL_DATA))) {
            case ErasePersonalDataUseCase.Erased erased -> ErasureResponse.of(id, erased.erasure(), false);
            case ErasePersonalDataUseCase.AlreadyErased already -> ErasureResponse.of(id, already.erasure(), true);
            case ErasePersonalDataUseCase.NotFound ignored -> {
                guard.refused(actor, Operation.ERASE_PERSONAL_DATA, AuditIds.ofCase(id), 404,
                        "the case is not in the caller's scope in the store");
                throw new CaseNotFoundException(id);
            }
            case ErasePersonalDataUseCase.Busy ignored -> {
                guard.refused(actor, Operation.ERASE_PERSONAL_DATA, AuditIds.ofCase(id), 409,
                        "the case kept changing: nothing erased");
                throw new ResponseRefusedException(HttpStatus.CONFLICT, "concurrent-change",
                        "The case changed meanwhile", "Case " + id + " kept changing; nothing was erased, ask again.");
            }
        };
    }

    /** @param reason why the case's personal data must go: kept in the audit trail, nowhere else */
    public record ErasureRequest(String reason) {
    }

    @GetMapping("/rules")
    @io.swagger.v3.oas.annotations.Operation(summary = "The routing ruleset in force for a province on a day",
            description = "The national default merged with the province's ruleset (versions of both), each rule "
                    + "with its conditions, its legal basis or marked as a policy default, and the jurisdiction "
                    + "that contributed it.")
    @ApiResponse(responseCode = "200", description = "The merged ruleset")
    @ApiResponse(responseCode = "400", description = "province is not a two-digit code or at is not a date",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    public RulesetResponse rules(
            Actor actor,
            @Parameter(description = "Two-digit province code (e.g. 11); absent: the national default")
            @RequestParam(name = "province", required = false) String province,
            @Parameter(description = "The day (yyyy-MM-dd, Asia/Ho_Chi_Minh); absent: today")
            @RequestParam(name = "at", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        guard.requireRole(actor, Operation.PREVIEW_ROUTING);
        if (province != null && !province.matches("[0-9]{2}|VN")) {
            throw new BadRequestException("province", "must be a two-digit province code");
        }
        return RulesetResponse.of(cases.ruleset(province, at));
    }

    @PostMapping(path = "/routing/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    @io.swagger.v3.oas.annotations.Operation(summary = "Route a report without creating anything",
            description = "Referrals (agency, role, unit, area, rule, legal basis, acknowledgement deadline), the "
                    + "escalation and the triage flags the report would get. Nothing is stored or published.")
    @ApiResponse(responseCode = "200", description = "The decision")
    @ApiResponse(responseCode = "400", description = "The report is not valid",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    public PreviewResponse preview(Actor actor, @Valid @RequestBody PreviewRequest report) {
        guard.require(actor, Operation.PREVIEW_ROUTING, new Target.Province(report.location().provinceCode()),
                AuditIds.none(), () -> new IllegalStateException("a preview is never hidden"));
        return PreviewResponse.of(cases.preview(report.toRequest()));
    }
}
