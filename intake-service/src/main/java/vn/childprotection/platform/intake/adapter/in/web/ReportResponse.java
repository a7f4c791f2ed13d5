package vn.childprotection.platform.intake.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import vn.childprotection.platform.contracts.AreaPlacement;
import vn.childprotection.platform.contracts.Location;
import vn.childprotection.platform.intake.domain.PlacedLocation;

import java.util.List;
import java.util.UUID;

/** The answer to an accepted report: the case it opened, and where its location was placed. */
@Schema(description = "The report is durably on intake.reports.v1 (EMERGENCY: intake.reports.urgent.v1); the case id "
        + "is final.")
public record ReportResponse(
        @Schema(example = "3f0e9a4c-2b1d-4c8e-9f6a-7d5b1e2c3a40") UUID reportId,
        @Schema(example = "b8a2c1d4-5e6f-3a7b-8c9d-0e1f2a3b4c5d") String caseId,
        @Schema(example = "ACCEPTED", allowableValues = "ACCEPTED") String status,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) PlacementAnswer placement) {

    static ReportResponse accepted(UUID reportId, String caseId, PlacedLocation placed) {
        return new ReportResponse(reportId, caseId, "ACCEPTED", PlacementAnswer.of(placed));
    }

    /** How the report's area codes were placed on the map in force on the day it was received. */
    @Schema(name = "Placement", description = """
            Where the report's location is on the administrative map in force on the day it was received \
            (receivedAt in Vietnam's time zone): VN-2024 (three levels: province, district, commune) until \
            30 June 2025, VN-2025 (two levels: province, commune/ward/special zone) from 1 July 2025, VN-2026-04 \
            (the same codes) from 30 April 2026. The report \
            is routed and counted at `location`; when the codes given were of the other map they were mapped, \
            and `reported` and `notes` say so.""")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlacementAnswer(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "VN-2026-04",
                    description = "The map in force on the day the report was received") String areaMap,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "MAPPED", description = """
                    AS_GIVEN: the codes name a place on that map. MAPPED: they were of the other map (a district, \
                    a province merged on 1 July 2025, a commune code a new unit kept) and were mapped without \
                    ambiguity. NEEDS_TRIAGE: accepted and placed as far as the codes allow (usually the province); \
                    a person picks the rest.""") AreaPlacement.Outcome outcome,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "The place in that map's codes (no district from 1 July 2025): what is published")
            Codes location,
            @Schema(description = "The codes as given; only when they were mapped (outcome other than AS_GIVEN)")
            Codes reported,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "What was done to the codes, for "
                    + "people; empty when placed as given",
                    example = "[\"province 06 (map VN-2024) is part of province 19 on map VN-2026-04\"]")
            List<String> notes) {

        static PlacementAnswer of(PlacedLocation placed) {
            AreaPlacement placement = placed.placement();
            return new PlacementAnswer(placement.areaMap(), placement.outcome(), Codes.of(placed.location()),
                    Codes.of(placement.reported()), placement.notes());
        }
    }

    /** Administrative unit codes; an absent level is left out. */
    @Schema(name = "AreaCodes", description = "Official administrative unit codes (General Statistics Office)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Codes(
            @Schema(example = "11") String provinceCode,
            @Schema(description = "Only on VN-2024 (until 30 June 2025)", example = "094") String districtCode,
            @Schema(example = "03127") String communeCode) {

        static Codes of(Location location) {
            return location == null ? null
                    : new Codes(location.provinceCode(), location.districtCode(), location.communeCode());
        }
    }
}
