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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.platform.access.Actor;
import vn.childprotection.platform.areas.AdministrativeMap;
import vn.childprotection.platform.areas.AreaUnit;
import vn.childprotection.platform.reporting.domain.Areas;
import vn.childprotection.platform.reporting.domain.ReportingCalendar;
import vn.childprotection.platform.support.security.AccessGuard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static vn.childprotection.platform.access.Operation.READ_FIGURES;

/**
 * The administrative map in force on a day, the source of the console's and the dashboard's pickers: the 63
 * provinces with their districts and communes until 30 June 2025, the 34 provinces with their communes from
 * 1 July 2025 (the areas module's maps).
 */
@RestController
@Tag(name = "Areas", description = "The administrative map in force on a day: provinces, districts, communes")
public class AreasController {

    private final Areas areas;
    private final Clock clock;
    private final AccessGuard guard;
    /** map version and province ("*": all) → the listing; the maps never change while the service runs */
    private final Map<String, Listing> listings = new ConcurrentHashMap<>();

    public AreasController(Areas areas, Clock clock, AccessGuard guard) {
        this.areas = areas;
        this.clock = clock;
        this.guard = guard;
    }

    /** A commune-level unit (commune, ward, township, special zone). */
    public record Unit(String code, String name, String fullName,
                       @Schema(description = "commune, ward, township or special-zone") String kind) {
    }

    /** A district of the three-level map with its communes. */
    public record DistrictUnits(String code, String name, String fullName,
                                @Schema(description = "district") String kind, List<Unit> communes) {
    }

    /**
     * A province of the map with its units: on a map with districts, its districts with their communes (and no
     * communes of its own); otherwise its communes.
     */
    public record ProvinceUnits(String code, String name, String fullName,
                                @Schema(description = "province or municipality") String kind,
                                @Schema(description = "the province of the map in force today this one is, or "
                                        + "became part of (figures count it there)", example = "91")
                                String latestProvince,
                                List<DistrictUnits> districts, List<Unit> communes) {
    }

    @Schema(description = "The map in force on a day and its units")
    public record AreasResponse(
            @Schema(description = "the map's version", example = "VN-2026-04") String map,
            @Schema(description = "the day asked for (Asia/Ho_Chi_Minh)") LocalDate on,
            @Schema(description = "first day in force; null: since before any report") LocalDate effectiveFrom,
            @Schema(description = "last day in force (inclusive); null: until a later map") LocalDate effectiveUntil,
            @Schema(description = "whether the map has districts (the three-level map)") boolean hasDistricts,
            @Schema(description = "the last day of the last map with districts (2025-06-30): the day to ask for "
                    + "a province's former districts") LocalDate districtsUntil,
            @Schema(description = "province names by code, in code order") Map<String, String> provinces,
            @Schema(description = "district names by code, in code order (empty on a map without districts)")
            Map<String, String> districts,
            @Schema(description = "the provinces with their districts and communes") List<ProvinceUnits> units) {
    }

    private record Listing(Map<String, String> provinces, Map<String, String> districts, List<ProvinceUnits> units) {
    }

    @GetMapping(path = "/api/v1/areas", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The administrative map in force on a day, with its units",
            description = "The map in force on 'on' (default: today in Asia/Ho_Chi_Minh): its version and period, "
                    + "province names by code ('provinces'), district names by code ('districts', empty on the "
                    + "two-level map) and every province with its units ('units'): until 30 June 2025 (VN-2024, 63 "
                    + "provinces) its districts with their communes, from 1 July 2025 (VN-2025, and VN-2026-04 from "
                    + "30 April 2026, 34 provinces) its communes, wards and special zones; each with code, name, full "
                    + "name and kind; 'districtsUntil' the day to ask for a province's former districts. 'province' "
                    + "narrows the answer to one province of the map in force today (an earlier code reads as its "
                    + "successor, 89 → 91): on an earlier map, the provinces that became part of it.")
    @ApiResponse(responseCode = "400", description = "'on' is no date or 'province' no province of any map",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    public AreasResponse areas(
            Actor actor,
            @Parameter(description = "Day (yyyy-MM-dd, Asia/Ho_Chi_Minh); default today", example = "2025-06-30")
            @RequestParam(required = false) String on,
            @Parameter(description = "GSO province code of the map in force today, or of an earlier map (read as "
                    + "its successor)", example = "11")
            @RequestParam(required = false) String province) {
        guard.requireRole(actor, READ_FIGURES);
        List<InvalidParametersException.FieldError> errors = new ArrayList<>();
        LocalDate day = LocalDate.now(clock.withZone(ReportingCalendar.ZONE));
        if (!FilterParser.blank(on)) {
            try {
                day = LocalDate.parse(on.trim());
            } catch (DateTimeParseException e) {
                errors.add(FilterParser.error("on", "must be an ISO date (yyyy-MM-dd)"));
            }
        }
        String latestProvince = FilterParser.province(areas, province, errors);
        if (!errors.isEmpty()) {
            throw new InvalidParametersException(errors);
        }
        AdministrativeMap map = areas.mapOn(day);
        Listing listing = listings.computeIfAbsent(map.version() + "|" + (latestProvince == null ? "*"
                : latestProvince), key -> listing(map, latestProvince));
        return new AreasResponse(map.version(), day, map.effectiveFrom(), map.effectiveUntil(),
                map.hasDistricts(), areas.lastDayWithDistricts(), listing.provinces(), listing.districts(),
                listing.units());
    }

    private Listing listing(AdministrativeMap map, String latestProvince) {
        List<AreaUnit> provinces = latestProvince == null ? map.provinces()
                : areas.provincesOf(map, latestProvince);
        Map<String, String> provinceNames = new LinkedHashMap<>();
        Map<String, String> districtNames = new LinkedHashMap<>();
        List<ProvinceUnits> units = new ArrayList<>();
        for (AreaUnit province : provinces) {
            provinceNames.put(province.code(), province.name());
            List<DistrictUnits> districts = new ArrayList<>();
            List<Unit> communes = new ArrayList<>();
            for (AreaUnit child : areas.childrenOf(map, province.code())) {
                if (child.level() == AreaUnit.Level.DISTRICT) {
                    districtNames.put(child.code(), child.name());
                    districts.add(new DistrictUnits(child.code(), child.name(), child.fullName(), child.kind(),
                            areas.childrenOf(map, child.code()).stream().map(AreasController::unit).toList()));
                } else {
                    communes.add(unit(child));
                }
            }
            units.add(new ProvinceUnits(province.code(), province.name(), province.fullName(), province.kind(),
                    areas.latestProvince(map, province.code()), List.copyOf(districts), List.copyOf(communes)));
        }
        return new Listing(Collections.unmodifiableMap(provinceNames), Collections.unmodifiableMap(districtNames),
                List.copyOf(units));
    }

    private static Unit unit(AreaUnit unit) {
        return new Unit(unit.code(), unit.name(), unit.fullName(), unit.kind());
    }
}
