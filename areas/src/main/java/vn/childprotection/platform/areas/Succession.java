package vn.childprotection.platform.areas;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one map became the next: every old province's new province (no province was split in 2025), and for the
 * lowest level, each new unit's predecessor whose code it took. A unit with the same code on both maps that the file
 * does not list continues unchanged; an old unit whose code no new unit took was merged into a unit that kept
 * another code, so its successor cannot be told from the codes alone.
 */
public final class Succession {

    private final String fromMap;
    private final String toMap;
    private final Map<String, String> provinces;
    private final Map<String, String> predecessors;
    private final Map<String, String> successors = new HashMap<>();

    /**
     * @param provinces    old province code → new province code
     * @param predecessors new unit code → the old unit whose code it took
     */
    public Succession(String fromMap, String toMap, Map<String, String> provinces, Map<String, String> predecessors) {
        this.fromMap = fromMap;
        this.toMap = toMap;
        this.provinces = Map.copyOf(provinces);
        this.predecessors = Map.copyOf(predecessors);
        predecessors.forEach((next, previous) -> successors.put(previous, next));
    }

    public String fromMap() {
        return fromMap;
    }

    public String toMap() {
        return toMap;
    }

    public Map<String, String> provinces() {
        return provinces;
    }

    public Optional<String> newProvince(String oldProvince) {
        return Optional.ofNullable(provinces.get(oldProvince));
    }

    /** The old provinces that became a new province, in code order. */
    public List<String> oldProvincesOf(String newProvince) {
        return provinces.entrySet().stream().filter(e -> e.getValue().equals(newProvince)).map(Map.Entry::getKey)
                .sorted().toList();
    }

    /** The old unit a new lowest-level unit descends from by code (the code it took, or its own unchanged code). */
    public Optional<String> predecessorOf(String newUnit, AdministrativeMap from) {
        String listed = predecessors.get(newUnit);
        if (listed != null) {
            return Optional.of(listed);
        }
        return from.has(newUnit, AreaUnit.Level.COMMUNE) && !successors.containsKey(newUnit)
                ? Optional.of(newUnit) : Optional.empty();
    }

    /** The new unit that took an old unit's code, or that kept it unchanged. */
    public Optional<String> successorOf(String oldUnit, AdministrativeMap to) {
        String listed = successors.get(oldUnit);
        if (listed != null) {
            return Optional.of(listed);
        }
        return to.has(oldUnit, AreaUnit.Level.COMMUNE) && !predecessors.containsKey(oldUnit)
                ? Optional.of(oldUnit) : Optional.empty();
    }
}
