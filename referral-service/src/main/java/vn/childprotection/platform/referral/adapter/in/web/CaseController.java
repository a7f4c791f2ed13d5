package vn.childprotection.platform.referral.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.platform.referral.application.port.in.ReadCasesUseCase;

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
    @Operation(summary = "The routing ruleset in force",
            description = "Version, effective date, standing agency and one rule per concern group, each with its "
                    + "legal basis or marked as a policy default.")
    public RulesetResponse rules() {
        return RulesetResponse.of(cases.ruleset());
    }
}
