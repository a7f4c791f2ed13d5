package vn.childprotection.platform.referral.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.platform.referral.application.port.in.ReadCasesUseCase;

import java.time.LocalDate;
import java.util.UUID;

/** Cases and the routing ruleset, read-only. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "cases", description = "Cases opened from hotline reports and their referrals (S0 Art 9.5)")
public class CaseController {

    private final ReadCasesUseCase cases;

    public CaseController(ReadCasesUseCase cases) {
        this.cases = cases;
    }

    @GetMapping("/cases/{caseId}")
    @Operation(summary = "One case with its referrals",
            description = "The child as sex and age only; no informant and no narrative (personal data stays out "
                    + "of this endpoint until agency isolation and roles exist).")
    @ApiResponse(responseCode = "200", description = "The case")
    @ApiResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such case",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    public CaseResponse getCase(@Parameter(description = "The case id (a UUID; Ids.caseIdFor(reportId))")
                                @PathVariable("caseId") UUID caseId) {
        String id = caseId.toString();
        return cases.findCase(id).map(CaseResponse::of).orElseThrow(() -> new CaseNotFoundException(id));
    }

    @GetMapping("/rules")
    @Operation(summary = "The routing ruleset in force for a province on a day",
            description = "The national default merged with the province's ruleset (versions of both), each rule "
                    + "with its conditions, its legal basis or marked as a policy default, and the jurisdiction "
                    + "that contributed it.")
    @ApiResponse(responseCode = "200", description = "The merged ruleset")
    @ApiResponse(responseCode = "400", description = "province is not a two-digit code or at is not a date",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    public RulesetResponse rules(
            @Parameter(description = "Two-digit province code (e.g. 11); absent: the national default")
            @RequestParam(name = "province", required = false) String province,
            @Parameter(description = "The day (yyyy-MM-dd, Asia/Ho_Chi_Minh); absent: today")
            @RequestParam(name = "at", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        if (province != null && !province.matches("[0-9]{2}|VN")) {
            throw new BadRequestException("province", "must be a two-digit province code");
        }
        return RulesetResponse.of(cases.ruleset(province, at));
    }

    @PostMapping(path = "/routing/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Route a report without creating anything",
            description = "Referrals (agency, role, unit, area, rule, legal basis, acknowledgement deadline), the "
                    + "escalation and the triage flags the report would get. Nothing is stored or published.")
    @ApiResponse(responseCode = "200", description = "The decision")
    @ApiResponse(responseCode = "400", description = "The report is not valid",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    public PreviewResponse preview(@Valid @RequestBody PreviewRequest report) {
        return PreviewResponse.of(cases.preview(report.toRequest()));
    }
}
