package vn.childprotection.platform.areas;

import vn.childprotection.platform.areas.AreaUnit.Level;
import vn.childprotection.platform.areas.Placement.Outcome;
import vn.childprotection.platform.areas.Placement.Problem;
import vn.childprotection.platform.contracts.Location;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every administrative map, effective-dated, and the successions between consecutive maps: the one source of area
 * codes for validation, routing, figures and pickers. {@link #place} puts a report's codes on the map in force on the
 * day it was received; codes of another map are mapped through the successions where that is unambiguous and
 * otherwise placed as far as they allow, so that no report is lost.
 */
public final class AreaMaps {

    private static final String DISTRICT_FIELD = "location.districtCode";
    private static final String COMMUNE_FIELD = "location.communeCode";
    private static final String PROVINCE_FIELD = "location.provinceCode";

    private final List<AdministrativeMap> maps;
    private final Map<String, Succession> successionInto = new LinkedHashMap<>();

    /**
     * @param maps        the maps, in any order; their periods must not overlap
     * @param successions one per map after the first, leading to it from the map before
     */
    public AreaMaps(List<AdministrativeMap> maps, List<Succession> successions) {
        this.maps = maps.stream().sorted(Comparator.comparing(AdministrativeMap::effectiveFrom,
                Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
        if (this.maps.isEmpty()) {
            throw new IllegalArgumentException("at least one map");
        }
        for (int i = 1; i < this.maps.size(); i++) {
            AdministrativeMap previous = this.maps.get(i - 1);
            AdministrativeMap next = this.maps.get(i);
            if (previous.effectiveUntil() == null || next.effectiveFrom() == null
                    || !previous.effectiveUntil().plusDays(1).equals(next.effectiveFrom())) {
                throw new IllegalArgumentException("map " + next.version() + " must start the day after "
                        + previous.version() + " ends");
            }
        }
        for (Succession succession : successions) {
            successionInto.put(succession.toMap(), succession);
        }
    }

    public List<AdministrativeMap> maps() {
        return maps;
    }

    public Optional<AdministrativeMap> map(String version) {
        return maps.stream().filter(m -> m.version().equals(version)).findFirst();
    }

    /** The map in force on a day (the first map before it starts, the last one after it ends). */
    public AdministrativeMap inForce(LocalDate day) {
        for (AdministrativeMap map : maps) {
            if (map.inForceOn(day)) {
                return map;
            }
        }
        return day.isBefore(maps.getFirst().effectiveFrom()) ? maps.getFirst() : maps.getLast();
    }

    public AdministrativeMap latest() {
        return maps.getLast();
    }

    /** The map before a map, if any. */
    public Optional<AdministrativeMap> previous(AdministrativeMap map) {
        int index = maps.indexOf(map);
        return index > 0 ? Optional.of(maps.get(index - 1)) : Optional.empty();
    }

    private Optional<AdministrativeMap> next(AdministrativeMap map) {
        int index = maps.indexOf(map);
        return index >= 0 && index < maps.size() - 1 ? Optional.of(maps.get(index + 1)) : Optional.empty();
    }

    /**
     * The province a province of a map is part of on the latest map: figures over time put a merged province's
     * former parts under its successor ({@code VN-2024 89 → 91}). Unknown codes come back unchanged.
     */
    public String latestProvinceOf(String mapVersion, String provinceCode) {
        Optional<AdministrativeMap> from = map(mapVersion);
        return from.isEmpty() || provinceCode == null ? provinceCode : provinceOn(from.get(), provinceCode, latest());
    }


    /** A province of one map on a later map, step by step through the successions. */
    private String provinceOn(AdministrativeMap from, String provinceCode, AdministrativeMap to) {
        String code = provinceCode;
        AdministrativeMap current = from;
        for (Optional<AdministrativeMap> n = next(current); n.isPresent() && !current.equals(to); n = next(current)) {
            Succession succession = successionInto.get(n.get().version());
            code = succession == null ? code : succession.newProvince(code).orElse(code);
            current = n.get();
        }
        return code;
    }

    /** Places a report's codes on the map in force on the day it was received. Never throws on bad codes. */
    public Placement place(Location reported, LocalDate day) {
        AdministrativeMap map = inForce(day);
        Location given = reported == null ? new Location(null, null, null)
                : new Location(clean(reported.provinceCode()), clean(reported.districtCode()),
                clean(reported.communeCode()));
        if (given.provinceCode() == null) {
            return invalid(map, given, reported, List.of(new Problem(PROVINCE_FIELD, "is required")));
        }
        if (given.districtCode() != null && !map.hasDistricts()) {
            return placeFromEarlierMap(map, given, reported);
        }
        Builder placed = onMap(map, given);
        if (placed.problems.isEmpty()) {
            return placed.build(map, reported, Outcome.AS_GIVEN, this);
        }
        return placeAcrossMaps(map, given, reported, placed);
    }

    /** Checks the codes on one map as they are; a problem for every code that does not fit. */
    private static Builder onMap(AdministrativeMap map, Location given) {
        Builder b = new Builder();
        String province = given.provinceCode();
        if (!map.has(province, Level.PROVINCE)) {
            b.problem(PROVINCE_FIELD, "is not a province on map " + map.version());
            return b;
        }
        String district = given.districtCode();
        if (district != null) {
            if (!map.hasDistricts()) {
                b.problem(DISTRICT_FIELD, "districts do not exist on map " + map.version());
            } else if (!map.has(district, Level.DISTRICT) || !province.equals(map.provinceOf(district))) {
                b.problem(DISTRICT_FIELD, "is not a district of province " + province + " on map " + map.version());
            }
        }
        String commune = given.communeCode();
        if (commune != null && b.problems.isEmpty()) {
            if (!map.has(commune, Level.COMMUNE) || !province.equals(map.provinceOf(commune))) {
                b.problem(COMMUNE_FIELD, "is not a commune of province " + province + " on map " + map.version());
            } else if (district != null && !district.equals(map.unit(commune).orElseThrow().parentCode())) {
                b.problem(COMMUNE_FIELD, "is not a commune of district " + district + " on map " + map.version());
            }
        }
        if (b.problems.isEmpty()) {
            b.chain = commune != null ? map.chainOf(commune) : district != null ? map.chainOf(district)
                    : List.of(province);
            b.location = new Location(province, map.hasDistricts() && b.chain.size() > 1 ? b.chain.get(
                    b.chain.size() - 2) : null, commune);
        }
        return b;
    }

    /** A district on a map without districts: the codes are read on the last map that had them, then mapped. */
    private Placement placeFromEarlierMap(AdministrativeMap map, Location given, Location reported) {
        Optional<AdministrativeMap> earlier = previous(map);
        while (earlier.isPresent() && !earlier.get().hasDistricts()) {
            earlier = previous(earlier.get());
        }
        if (earlier.isEmpty()) {
            return invalid(map, given, reported, List.of(new Problem(DISTRICT_FIELD,
                    "districts do not exist on map " + map.version())));
        }
        Builder old = onMap(earlier.get(), given);
        if (!old.problems.isEmpty()) {
            List<Problem> problems = new ArrayList<>();
            String ended = "districts ended with map " + earlier.get().version() + " (until "
                    + earlier.get().effectiveUntil() + "); give the commune of map " + map.version();
            problems.add(new Problem(DISTRICT_FIELD, old.problems.stream().filter(p -> p.field().equals(
                    DISTRICT_FIELD)).map(p -> p.message() + "; " + ended).findFirst().orElse(ended)));
            problems.addAll(old.problems.stream().filter(p -> !p.field().equals(DISTRICT_FIELD)).toList());
            return invalid(map, given, reported, problems);
        }
        Builder mapped = forward(earlier.get(), old, map);
        mapped.read.put(earlier.get().version(), old.chain);
        mapped.notes.addFirst("districtCode " + given.districtCode() + " belongs to map " + earlier.get().version()
                + " (districts ended " + earlier.get().effectiveUntil() + "): the codes were read on that map");
        return mapped.build(map, reported, mapped.commune == null && given.communeCode() != null
                ? Outcome.NEEDS_TRIAGE : Outcome.MAPPED, this);
    }

    /**
     * Codes that do not fit the map in force: tried on the map before it (an old province, an old commune code) and
     * on the map after it (a new code used for a day before the change), and mapped where that is unambiguous.
     */
    private Placement placeAcrossMaps(AdministrativeMap map, Location given, Location reported, Builder asGiven) {
        for (Optional<AdministrativeMap> before = previous(map); before.isPresent();
             before = previous(before.get())) {
            Builder old = onMap(before.get(), given);
            if (old.problems.isEmpty()) {
                Builder mapped = forward(before.get(), old, map);
                mapped.read.put(before.get().version(), old.chain);
                return mapped.build(map, reported, mapped.commune == null && given.communeCode() != null
                        ? Outcome.NEEDS_TRIAGE : Outcome.MAPPED, this);
            }
            Optional<Placement> mixed = oldProvinceNewCommune(before.get(), map, given, reported);
            if (mixed.isPresent()) {
                return mixed.get();
            }
        }
        Optional<AdministrativeMap> after = next(map);
        if (after.isPresent()) {
            Builder future = onMap(after.get(), given);
            if (future.problems.isEmpty()) {
                return backward(after.get(), future, map).build(map, reported, Outcome.NEEDS_TRIAGE, this);
            }
        }
        return invalid(map, given, reported, asGiven.problems);
    }

    /** An old province with a commune code of the new map (the province was merged, the commune named anew). */
    private Optional<Placement> oldProvinceNewCommune(AdministrativeMap before, AdministrativeMap map, Location given,
                                                      Location reported) {
        if (!before.has(given.provinceCode(), Level.PROVINCE) || given.communeCode() == null) {
            return Optional.empty();
        }
        String province = provinceOn(before, given.provinceCode(), map);
        if (!map.has(given.communeCode(), Level.COMMUNE)
                || !province.equals(map.provinceOf(given.communeCode()))) {
            return Optional.empty();
        }
        Builder b = new Builder();
        b.chain = map.chainOf(given.communeCode());
        b.commune = given.communeCode();
        b.location = new Location(province, null, given.communeCode());
        b.notes.add("provinceCode " + given.provinceCode() + " (map " + before.version() + ") is province "
                + province + " on map " + map.version());
        return Optional.of(b.build(map, reported, Outcome.MAPPED, this));
    }

    /** Carries a place on an older map forward to a later one, step by step through the successions. */
    private Builder forward(AdministrativeMap from, Builder old, AdministrativeMap to) {
        Builder b = new Builder();
        String province = old.chain.getLast();
        String commune = old.location.communeCode();
        AdministrativeMap current = from;
        for (Optional<AdministrativeMap> n = next(current); n.isPresent() && !current.equals(to); n = next(current)) {
            Succession succession = successionInto.get(n.get().version());
            String newProvince = succession == null ? province : succession.newProvince(province).orElse(province);
            String newCommune = commune == null ? null : succession == null
                    ? (n.get().has(commune, Level.COMMUNE) ? commune : null)
                    : succession.successorOf(commune, n.get()).orElse(null);
            if (commune != null && newCommune == null) {
                b.notes.add("communeCode " + commune + " (map " + current.version() + ") was merged into a unit of "
                        + "map " + n.get().version() + " that kept another code: placed at province " + newProvince
                        + "; pick the commune");
            }
            if (!newProvince.equals(province)) {
                b.notes.add("province " + province + " (map " + current.version() + ") is part of province "
                        + newProvince + " on map " + n.get().version());
            }
            province = newProvince;
            commune = newCommune;
            current = n.get();
        }
        if (old.location.districtCode() != null && commune == null && old.location.communeCode() == null) {
            b.notes.add("no commune given: placed at province " + province);
        }
        b.commune = commune;
        b.chain = commune == null ? List.of(province) : to.chainOf(commune);
        b.location = new Location(province, null, commune);
        return b;
    }

    /** A place named in a later map's codes for a day before that map: back to the code's predecessor if any. */
    private Builder backward(AdministrativeMap from, Builder later, AdministrativeMap to) {
        Builder b = new Builder();
        Succession succession = successionInto.get(from.version());
        String commune = later.location.communeCode();
        String oldCommune = commune == null || succession == null ? null
                : succession.predecessorOf(commune, to).orElse(null);
        if (oldCommune != null) {
            b.chain = to.chainOf(oldCommune);
            b.commune = oldCommune;
            b.location = new Location(b.chain.getLast(), b.chain.get(1), oldCommune);
            b.notes.add("the codes are of map " + from.version() + ", which is not yet in force: placed at the "
                    + "commune " + oldCommune + " whose code unit " + commune + " took; check the place");
        } else {
            String province = later.chain.getLast();
            List<String> olds = succession == null ? List.of(province) : succession.oldProvincesOf(province);
            String old = olds.contains(province) ? province : olds.isEmpty() ? province : olds.getFirst();
            b.chain = List.of(old);
            b.location = new Location(old, null, null);
            b.notes.add("the codes are of map " + from.version() + ", which is not yet in force: placed at province "
                    + old + "; pick the place on map " + to.version());
        }
        return b;
    }

    /** The place's chain on every earlier map it can be traced to through the kept codes. */
    private Map<String, List<String>> chains(AdministrativeMap map, List<String> chain) {
        Map<String, List<String>> chains = new LinkedHashMap<>();
        chains.put(map.version(), chain);
        AdministrativeMap current = map;
        List<String> currentChain = chain;
        for (Optional<AdministrativeMap> p = previous(current); p.isPresent() && !currentChain.isEmpty();
             p = previous(current)) {
            Succession succession = successionInto.get(current.version());
            List<String> earlier = earlierChain(current, p.get(), succession, currentChain);
            if (earlier.isEmpty()) {
                break;
            }
            chains.put(p.get().version(), earlier);
            current = p.get();
            currentChain = earlier;
        }
        return chains;
    }

    private static List<String> earlierChain(AdministrativeMap map, AdministrativeMap previous, Succession succession,
                                             List<String> chain) {
        String province = chain.getLast();
        List<String> oldProvinces = succession == null ? (previous.has(province, Level.PROVINCE)
                ? List.of(province) : List.of()) : succession.oldProvincesOf(province);
        if (chain.size() > 1) {
            String unit = chain.getFirst();
            Optional<String> old = succession == null ? Optional.of(unit).filter(u -> previous.has(u, Level.COMMUNE))
                    : succession.predecessorOf(unit, previous);
            if (old.isPresent()) {
                return previous.chainOf(old.get());
            }
            // a unit that took no old code (the island districts that had no communes): the old unit of its name
            String name = map.unit(unit).map(AreaUnit::name).orElse(null);
            Optional<AreaUnit> byName = previous.units().values().stream()
                    .filter(u -> u.level() != Level.PROVINCE && u.name().equals(name)
                            && oldProvinces.contains(previous.provinceOf(u.code())))
                    .min(Comparator.comparing((AreaUnit u) -> u.level()).thenComparing(AreaUnit::code));
            if (byName.isPresent()) {
                return previous.chainOf(byName.get().code());
            }
        }
        return oldProvinces.size() == 1 ? List.of(oldProvinces.getFirst()) : List.of();
    }

    private Placement invalid(AdministrativeMap map, Location given, Location reported, List<Problem> problems) {
        String province = given.provinceCode();
        return new Placement(map.version(), new Location(province, null, null),
                province == null ? List.of() : List.of(province), Map.of(), Outcome.INVALID, List.of(), problems,
                reported);
    }

    private static String clean(String code) {
        return code == null || code.isBlank() ? null : code.trim();
    }

    /** A place being worked out. */
    private static final class Builder {
        private final List<Problem> problems = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        /** Chains known from reading the codes on an earlier map: more precise than tracing back. */
        private final Map<String, List<String>> read = new LinkedHashMap<>();
        private List<String> chain = List.of();
        private Location location;
        private String commune;

        void problem(String field, String message) {
            problems.add(new Problem(field, message));
        }

        Placement build(AdministrativeMap map, Location reported, Outcome outcome, AreaMaps maps) {
            Map<String, List<String>> chains = new LinkedHashMap<>(maps.chains(map, chain));
            read.forEach((version, codes) -> {
                if (codes.size() >= chains.getOrDefault(version, List.of()).size()) {
                    chains.put(version, codes);
                }
            });
            return new Placement(map.version(), location, chain, chains, outcome, notes, List.of(), reported);
        }
    }
}
