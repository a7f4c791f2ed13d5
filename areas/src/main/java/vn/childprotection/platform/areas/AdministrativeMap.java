package vn.childprotection.platform.areas;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One administrative map: its units and the days it is in force. Whether it has a district level is known once,
 * when it is built: placing a report's codes asks it several times.
 */
public final class AdministrativeMap {

    private final String version;
    private final LocalDate effectiveFrom;
    private final LocalDate effectiveUntil;
    private final Map<String, AreaUnit> units;
    private final boolean hasDistricts;

    /**
     * @param effectiveFrom  first day in force, {@code null}: since before any report
     * @param effectiveUntil last day in force (inclusive), {@code null}: until a later map
     */
    public AdministrativeMap(String version, LocalDate effectiveFrom, LocalDate effectiveUntil,
                             Map<String, AreaUnit> units) {
        this.version = version;
        this.effectiveFrom = effectiveFrom;
        this.effectiveUntil = effectiveUntil;
        this.units = Map.copyOf(units);
        this.hasDistricts = this.units.values().stream().anyMatch(u -> u.level() == AreaUnit.Level.DISTRICT);
    }

    public String version() {
        return version;
    }

    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    public LocalDate effectiveUntil() {
        return effectiveUntil;
    }

    public Map<String, AreaUnit> units() {
        return units;
    }

    public boolean inForceOn(LocalDate day) {
        return inForceDuring(day, day);
    }

    /** Whether the map is in force on some day of a period ({@code from}, {@code until} inclusive; null: open). */
    public boolean inForceDuring(LocalDate from, LocalDate until) {
        return (effectiveFrom == null || until == null || !until.isBefore(effectiveFrom))
                && (effectiveUntil == null || from == null || !from.isAfter(effectiveUntil));
    }

    @Override
    public String toString() {
        return "AdministrativeMap[" + version + "]";
    }

    public Optional<AreaUnit> unit(String code) {
        return Optional.ofNullable(code == null ? null : units.get(code));
    }

    public boolean has(String code, AreaUnit.Level level) {
        return unit(code).filter(u -> u.level() == level).isPresent();
    }

    /** Whether the map has a district level (the three-level map until 30 June 2025). */
    public boolean hasDistricts() {
        return hasDistricts;
    }

    /** The province a unit lies in ({@code null} for an unknown code). */
    public String provinceOf(String code) {
        AreaUnit current = units.get(code);
        for (int i = 0; i < 3 && current != null; i++) {
            if (current.level() == AreaUnit.Level.PROVINCE) {
                return current.code();
            }
            current = current.parentCode() == null ? null : units.get(current.parentCode());
        }
        return null;
    }

    /** The unit and its parents, most local first ({@code [commune, district, province]}); empty if unknown. */
    public List<String> chainOf(String code) {
        java.util.ArrayList<String> chain = new java.util.ArrayList<>();
        AreaUnit current = units.get(code);
        for (int i = 0; i < 3 && current != null; i++) {
            chain.add(current.code());
            current = current.parentCode() == null ? null : units.get(current.parentCode());
        }
        return List.copyOf(chain);
    }

    public List<AreaUnit> provinces() {
        return sorted(units.values().stream().filter(u -> u.level() == AreaUnit.Level.PROVINCE).toList());
    }

    /** The units directly under a unit (a province's districts or communes, a district's communes). */
    public List<AreaUnit> childrenOf(String code) {
        return sorted(units.values().stream().filter(u -> code.equals(u.parentCode())).toList());
    }

    /** The lowest-level units of a province, whatever their parent. */
    public List<AreaUnit> communesOf(String provinceCode) {
        return sorted(units.values().stream().filter(u -> u.level() == AreaUnit.Level.COMMUNE
                && provinceCode.equals(provinceOf(u.code()))).toList());
    }

    private static List<AreaUnit> sorted(Collection<AreaUnit> units) {
        return units.stream().sorted(Comparator.comparing(AreaUnit::code)).toList();
    }
}
