package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.areas.AreaMaps;
import vn.childprotection.platform.areas.Placement;
import vn.childprotection.platform.contracts.AreaPlacement;
import vn.childprotection.platform.contracts.Location;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a case lies, on the administrative map in force on the day it was received ({@link AreaMaps}: the three-level
 * map until 30 June 2025, the two-level map from 1 July 2025), and on the earlier maps its place can be traced to.
 *
 * <p>{@link #resolve} never drops a case: codes that name no place are routed at the nearest known level and
 * flagged for triage; codes of the other map are mapped where that is unambiguous.
 */
public final class AreaDirectory {

    /** No maps configured: codes are taken as given, nothing is flagged. */
    public static final AreaDirectory NONE = new AreaDirectory(null);

    private final AreaMaps maps;

    public AreaDirectory(AreaMaps maps) {
        this.maps = maps;
    }

    public boolean configured() {
        return maps != null;
    }

    /** The maps, {@code null} when none is configured. */
    public AreaMaps maps() {
        return maps;
    }

    /**
     * @param chain     known areas on {@code listVersion}, most local first, the province last
     * @param chains    the same place on every map it can be traced to (for rules and units of a former territory)
     * @param triage    why the case needs a human look at its area
     * @param notes     what was done to the codes that is not a problem (a district mapped, an old province code)
     * @param location  the place in the codes of {@code listVersion}
     */
    public record Resolved(List<String> chain, Map<String, List<String>> chains, List<String> triage,
                           List<String> notes, String listVersion, Location location) {
        public Resolved {
            chain = List.copyOf(chain);
            chains = Map.copyOf(chains);
            triage = List.copyOf(triage);
            notes = List.copyOf(notes);
        }

        public String mostLocal() {
            return chain.isEmpty() ? null : chain.getFirst();
        }

        public String province() {
            return chain.isEmpty() ? null : chain.getLast();
        }

        /**
         * The territories whose rulesets may apply, most specific first: the province on the map of the day (plain
         * and qualified), then the province the place belonged to on each earlier map.
         */
        public List<String> territories() {
            List<String> territories = new ArrayList<>();
            if (province() != null) {
                territories.add(province());
                if (listVersion != null) {
                    territories.add(listVersion + ":" + province());
                }
            }
            chains.forEach((map, codes) -> {
                if (!map.equals(listVersion) && !codes.isEmpty()) {
                    territories.add(map + ":" + codes.getLast());
                }
            });
            return territories;
        }
    }

    /** Resolves a location as given, on the map in force on the day. */
    public Resolved resolve(Location location, LocalDate day) {
        return resolve(location, null, day);
    }

    /**
     * @param placement what intake did to the codes ({@code null} for reports of earlier versions): when it mapped
     *                  them, the codes as reported are placed again, so that what they say of the former territory
     *                  (a district of the old map) reaches the rules written for it; the place is the same
     */
    public Resolved resolve(Location location, AreaPlacement placement, LocalDate day) {
        if (location == null || location.provinceCode() == null || location.provinceCode().isBlank()) {
            return new Resolved(List.of(), Map.of(), List.of("location.provinceCode is missing"), List.of(), null,
                    location);
        }
        if (maps == null) {
            List<String> chain = Stream.of(location.communeCode(), location.districtCode(), location.provinceCode())
                    .filter(c -> c != null && !c.isBlank()).toList();
            return new Resolved(chain, Map.of(), List.of(), List.of(), null, location);
        }
        boolean mapped = placement != null && placement.reported() != null;
        Placement placed = maps.place(mapped ? placement.reported() : location, day);
        List<String> triage = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (!mapped && placement != null && placement.outcome() == AreaPlacement.Outcome.NEEDS_TRIAGE) {
            triage.addAll(placement.notes());
        } else if (!mapped && placement != null) {
            notes.addAll(placement.notes());
        }
        switch (placed.outcome()) {
            case AS_GIVEN -> { }
            case MAPPED -> notes.addAll(placed.notes());
            case NEEDS_TRIAGE -> triage.addAll(placed.notes());
            case INVALID -> placed.problems().forEach(p -> triage.add(p.field() + " " + p.message()
                    + ": routed at the level of the codes that are known"));
        }
        return new Resolved(placed.chain(), placed.chains(), triage, notes, placed.areaMap(), placed.location());
    }
}
