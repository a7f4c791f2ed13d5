package vn.childprotection.platform.referral.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One version of the official list of administrative units, in force from {@code effectiveFrom}. */
public record AreaList(String version, LocalDate effectiveFrom, Map<String, Area> byCode) {

    public AreaList {
        byCode = Map.copyOf(byCode);
    }

    public static AreaList of(String version, LocalDate effectiveFrom, List<Area> areas) {
        return new AreaList(version, effectiveFrom, areas.stream()
                .collect(Collectors.toMap(Area::code, Function.identity(), (a, b) -> a)));
    }

    /** Whether the list has any unit of this level under the given parent (else the level is simply not listed). */
    public boolean listsLevelUnder(Area.Level level, String parentCode) {
        return byCode.values().stream().anyMatch(a -> a.level() == level && parentCode.equals(a.parentCode()));
    }

    public boolean listsCommunesOf(String provinceCode) {
        return byCode.values().stream().anyMatch(a -> a.level() == Area.Level.COMMUNE
                && provinceCode.equals(provinceOf(a)));
    }

    public String provinceOf(Area area) {
        Area current = area;
        for (int i = 0; i < 3 && current != null; i++) {
            if (current.level() == Area.Level.PROVINCE) {
                return current.code();
            }
            current = current.parentCode() == null ? null : byCode.get(current.parentCode());
        }
        return null;
    }
}
