package vn.childprotection.platform.intake.domain;

import vn.childprotection.platform.areas.Placement;
import vn.childprotection.platform.contracts.AreaPlacement;
import vn.childprotection.platform.contracts.Location;

/**
 * Where a valid report is on the administrative map in force on the day it was received: the location that is
 * published (in that map's codes, no district on the two-level map) and how the codes as given were placed there.
 * Codes only, never personal data.
 *
 * @param location  the place on {@code placement.areaMap()}
 * @param placement the map, what was done to the codes, the codes as given when they were mapped, and notes
 */
public record PlacedLocation(Location location, AreaPlacement placement) {

    /**
     * @param placement a placement that found a place ({@code AS_GIVEN}, {@code MAPPED} or {@code NEEDS_TRIAGE})
     * @throws IllegalArgumentException for an {@code INVALID} placement: such codes make no valid report
     */
    public static PlacedLocation of(Placement placement) {
        AreaPlacement.Outcome outcome = switch (placement.outcome()) {
            case AS_GIVEN -> AreaPlacement.Outcome.AS_GIVEN;
            case MAPPED -> AreaPlacement.Outcome.MAPPED;
            case NEEDS_TRIAGE -> AreaPlacement.Outcome.NEEDS_TRIAGE;
            case INVALID -> throw new IllegalArgumentException("codes that name no place are not placed");
        };
        boolean asGiven = outcome == AreaPlacement.Outcome.AS_GIVEN;
        return new PlacedLocation(placement.location(), new AreaPlacement(placement.areaMap(), outcome,
                asGiven ? null : placement.reported(), placement.notes()));
    }
}
