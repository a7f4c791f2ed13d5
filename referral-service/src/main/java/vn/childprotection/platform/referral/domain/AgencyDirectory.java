package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.contracts.Agencies;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which unit of each agency serves which area. A referral goes to the most local unit of the agency that serves the
 * case's area, falling back to the parent area (domain reference, "Jurisdiction").
 *
 * @param agencies every agency code the platform knows, with its name (the national seven and the provinces' codes)
 */
public record AgencyDirectory(Map<String, String> agencies, List<AgencyUnit> units) {

    /** No directory configured: the national seven, no units (referrals name the area only). */
    public static final AgencyDirectory NONE = new AgencyDirectory(national(), List.of());

    public AgencyDirectory {
        agencies = Map.copyOf(agencies);
        units = List.copyOf(units);
    }

    private static Map<String, String> national() {
        Map<String, String> names = new LinkedHashMap<>();
        Agencies.NATIONAL.forEach(code -> names.put(code, code));
        return names;
    }

    public boolean configured() {
        return !units.isEmpty();
    }

    public Set<String> codes() {
        return agencies.keySet();
    }

    /** The most local unit of the agency along the area chain (most local first), whatever its dates. */
    public Optional<AgencyUnit> unitFor(String agency, List<String> chain) {
        return unitFor(agency, chain, null);
    }

    /**
     * The most local unit of the agency along the area chain (most local first) that serves on the day: the chain is
     * in the codes of the map in force that day, and so are the codes of the units serving then.
     */
    public Optional<AgencyUnit> unitFor(String agency, List<String> chain, LocalDate day) {
        for (String area : chain) {
            Optional<AgencyUnit> unit = units.stream()
                    .filter(u -> u.areaCode().equals(area) && u.agencies().contains(agency) && u.servesOn(day))
                    .findFirst();
            if (unit.isPresent()) {
                return unit;
            }
        }
        return Optional.empty();
    }
}
