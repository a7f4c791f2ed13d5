package vn.childprotection.platform.reporting.domain;

import vn.childprotection.platform.areas.AdministrativeMap;
import vn.childprotection.platform.areas.AreaMaps;
import vn.childprotection.platform.areas.AreaUnit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reporting's reading of the administrative maps (the {@code areas} module: the three-level map VN-2024 until
 * 30 June 2025, the two-level map VN-2025 from 1 July 2025, and how one became the other).
 *
 * <ul>
 *   <li>A case is on the map in force on its reception date, and counts under the province of the <em>latest</em> map
 *   its province is part of ({@link #caseArea}): figures over time put a merged province's former parts under its
 *   successor (2024 cases of An Giang 89 and Kiên Giang 91 count in An Giang 91), so that a trend compares like with
 *   like.</li>
 *   <li>A province filter names a province of the latest map; an old code reads as its successor
 *   ({@link #provinceOnLatestMap}). A district filter names a district of a map with districts, a commune filter a
 *   commune of the latest map.</li>
 *   <li>Names for the views, and each map's units in code order for the pickers ({@link #childrenOf}).</li>
 * </ul>
 * Every lookup is a map access: the indexes are built once here.
 */
public final class Areas {

    private final AreaMaps maps;
    /** map version → province code of that map → the province of the latest map it is part of */
    private final Map<String, Map<String, String>> latestProvince = new HashMap<>();
    /** province of the latest map → every province code, on any map, that is part of it */
    private final Map<String, Set<String>> formerCodes = new HashMap<>();
    /** map version → parent code ({@code ""}: none) → the units directly under it, in code order */
    private final Map<String, Map<String, List<AreaUnit>>> children = new HashMap<>();

    public Areas(AreaMaps maps) {
        this.maps = maps;
        for (AdministrativeMap map : maps.maps()) {
            Map<String, List<AreaUnit>> byParent = new HashMap<>();
            map.units().values().stream().sorted(Comparator.comparing(AreaUnit::code)).forEach(unit -> byParent
                    .computeIfAbsent(unit.parentCode() == null ? "" : unit.parentCode(), k -> new ArrayList<>())
                    .add(unit));
            byParent.replaceAll((parent, units) -> List.copyOf(units));
            children.put(map.version(), byParent);
            Map<String, String> provinces = new HashMap<>();
            for (AreaUnit province : map.provinces()) {
                String latest = maps.latestProvinceOf(map.version(), province.code());
                provinces.put(province.code(), latest);
                formerCodes.computeIfAbsent(latest, k -> new TreeSet<>()).add(province.code());
            }
            latestProvince.put(map.version(), provinces);
        }
        formerCodes.replaceAll((latest, codes) -> Collections.unmodifiableSet(codes));
    }

    public AreaMaps maps() {
        return maps;
    }

    public AdministrativeMap latest() {
        return maps.latest();
    }

    /** The map in force on a Vietnamese calendar day. */
    public AdministrativeMap mapOn(LocalDate day) {
        return maps.inForce(day);
    }

    /** The maps in force on some day from {@code from} to {@code to} (inclusive), oldest first. */
    public List<AdministrativeMap> mapsDuring(LocalDate from, LocalDate to) {
        return maps.maps().stream().filter(m -> m.inForceDuring(from, to)).toList();
    }

    /** The last day of the last map with districts ({@code 2025-06-30}); {@code null} when no map has them. */
    public LocalDate lastDayWithDistricts() {
        return maps.maps().stream().filter(AdministrativeMap::hasDistricts).map(AdministrativeMap::effectiveUntil)
                .reduce((a, b) -> b).orElse(null);
    }

    /**
     * The first day of the two-level maps, whose communes keep their codes from one to the next ({@code
     * 2025-07-01}): the days a commune filter reads; {@code null} when no map has districts.
     */
    public LocalDate firstDayWithoutDistricts() {
        LocalDate last = lastDayWithDistricts();
        return last == null ? null : last.plusDays(1);
    }

    /**
     * Where a case received on {@code day} with these codes lies for the figures; {@code null} without a day (a case
     * whose opening event is not in yet).
     */
    public CaseArea caseArea(LocalDate day, String province, String district, String commune) {
        if (day == null) {
            return null;
        }
        AdministrativeMap map = maps.inForce(day);
        boolean hasDistricts = map.hasDistricts();
        String districtOfDay = null;
        if (hasDistricts) {
            districtOfDay = district != null ? district : map.unit(commune)
                    .filter(u -> u.level() == AreaUnit.Level.COMMUNE).map(AreaUnit::parentCode)
                    .filter(parent -> map.has(parent, AreaUnit.Level.DISTRICT)).orElse(null);
        }
        return new CaseArea(map.version(), hasDistricts, latestProvince(map, province),
                districtOfDay);
    }

    /**
     * The province of the latest map that a case's province is part of, the code read on the case's map or, when it
     * is no province there (an old code sent after the change), on the maps before it; an unknown code as given.
     */
    public String latestProvince(AdministrativeMap map, String province) {
        if (province == null) {
            return null;
        }
        List<AdministrativeMap> all = maps.maps();
        for (int i = all.indexOf(map); i >= 0; i--) {
            String latest = latestProvince.get(all.get(i).version()).get(province);
            if (latest != null) {
                return latest;
            }
        }
        return province;
    }

    /**
     * A province as a filter reads it: a province of the latest map as it is, a province of an earlier map as the
     * province of the latest map it became part of ({@code 89} → {@code 91}); empty when no map knows the code.
     */
    public Optional<String> provinceOnLatestMap(String code) {
        List<AdministrativeMap> all = maps.maps();
        for (int i = all.size() - 1; i >= 0; i--) {
            String latest = latestProvince.get(all.get(i).version()).get(code);
            if (latest != null) {
                return Optional.of(latest);
            }
        }
        return Optional.empty();
    }

    /** Every province code, on any map, of a province of the latest map and its former parts ({@code 91} → 89, 91). */
    public Set<String> provinceCodesOf(String latestProvince) {
        return formerCodes.getOrDefault(latestProvince, Set.of(latestProvince));
    }

    /** The provinces of a map that are part of a province of the latest map, in code order. */
    public List<AreaUnit> provincesOf(AdministrativeMap map, String latestProvinceCode) {
        return map.provinces().stream()
                .filter(p -> latestProvinceCode.equals(latestProvince.get(map.version()).get(p.code()))).toList();
    }

    /** The province of the latest map a district (of a map with districts) lies in; empty for no such district. */
    public Optional<String> provinceOfDistrict(String district) {
        return newestFirst().stream().filter(AdministrativeMap::hasDistricts)
                .filter(map -> map.has(district, AreaUnit.Level.DISTRICT)).findFirst()
                .map(map -> latestProvince(map, map.provinceOf(district)));
    }

    /** The province a commune of the latest map lies in; empty when the latest map has no such commune. */
    public Optional<String> provinceOfCommune(String commune) {
        AdministrativeMap latest = maps.latest();
        return latest.has(commune, AreaUnit.Level.COMMUNE) ? Optional.ofNullable(latest.provinceOf(commune))
                : Optional.empty();
    }

    /** The units directly under a unit of a map ({@code null}: the map's provinces), in code order. */
    public List<AreaUnit> childrenOf(AdministrativeMap map, String code) {
        return children.getOrDefault(map.version(), Map.of()).getOrDefault(code == null ? "" : code, List.of());
    }

    /** The name of a province, on the latest map first; the code itself when no map knows it. */
    public String provinceName(String code) {
        return name(code, AreaUnit.Level.PROVINCE);
    }

    /** The name of a district (of the maps that had them); the code itself when unknown. */
    public String districtName(String code) {
        return name(code, AreaUnit.Level.DISTRICT);
    }

    /** The name of a commune, on the latest map first; the code itself when unknown. */
    public String communeName(String code) {
        return name(code, AreaUnit.Level.COMMUNE);
    }

    /** Province names of the latest map by code, in code order. */
    public Map<String, String> provinceNames() {
        Map<String, String> names = new TreeMap<>();
        maps.latest().provinces().forEach(p -> names.put(p.code(), p.name()));
        return Collections.unmodifiableMap(names);
    }

    private String name(String code, AreaUnit.Level level) {
        if (code == null) {
            return null;
        }
        return newestFirst().stream().map(map -> map.unit(code).filter(u -> u.level() == level))
                .flatMap(Optional::stream).findFirst().map(AreaUnit::name).orElse(code);
    }

    private List<AdministrativeMap> newestFirst() {
        return maps.maps().reversed();
    }
}
