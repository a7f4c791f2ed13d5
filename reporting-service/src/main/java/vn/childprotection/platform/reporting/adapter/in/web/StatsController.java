package vn.childprotection.platform.reporting.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.platform.reporting.application.port.in.OverviewQuery;

/** Statistics the sectors report to the standing agency (S0 Art 4.7, 9.4; S2 VIII.1). */
@RestController
@RequestMapping("/api/v1/stats")
@Tag(name = "Statistics", description = "Figures computed from the case and referral facts")
public class StatsController {

    private final OverviewQuery overviewQuery;

    public StatsController(OverviewQuery overviewQuery) {
        this.overviewQuery = overviewQuery;
    }

    @GetMapping(path = "/overview", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Headline figures",
            description = "Contacts, cases and referrals, broken down by type, agency, concern, severity, channel, "
                    + "province and role. Dates are Vietnamese calendar dates (Asia/Ho_Chi_Minh) of the contact's "
                    + "reception; referrals are counted with their case.")
    @ApiResponse(responseCode = "200", description = "The figures")
    @ApiResponse(responseCode = "400", description = "A filter value is not usable; the body names the parameter",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    public OverviewResponse overview(
            @Parameter(description = "First reception date included (yyyy-MM-dd, Asia/Ho_Chi_Minh)",
                    example = "2026-01-01")
            @RequestParam(name = "from", required = false) String from,
            @Parameter(description = "Last reception date included (yyyy-MM-dd, Asia/Ho_Chi_Minh)",
                    example = "2026-03-31")
            @RequestParam(name = "to", required = false) String to,
            @Parameter(description = "GSO province code of the child's location", example = "11")
            @RequestParam(name = "province", required = false) String province) {
        return OverviewResponse.of(overviewQuery.overview(OverviewFilterParser.parse(from, to, province)));
    }
}
