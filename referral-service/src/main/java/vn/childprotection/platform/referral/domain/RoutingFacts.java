package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.Severity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What rule conditions look at: contact type, concerns, severity, the child's age and the case's area chain
 * (most local known area first, province last). No personal data.
 *
 * @param areaCodes  the chain on the map in force on the day of receipt
 * @param areaChains the same place on every map it can be traced to ({@code VN-2024 → [03127, 094, 11]}): a rule of a
 *                   ruleset written for an earlier map matches the case's former territory
 */
public record RoutingFacts(ContactType contactType, Set<Concern> concerns, Severity severity, Integer ageYears,
                           List<String> areaCodes, Map<String, List<String>> areaChains) {

    public RoutingFacts {
        Set<Concern> ordered = EnumSet.noneOf(Concern.class);
        if (concerns != null) {
            concerns.stream().filter(c -> c != null).forEach(ordered::add);
        }
        concerns = ordered;
        areaCodes = areaCodes == null ? List.of() : List.copyOf(areaCodes);
        areaChains = areaChains == null ? Map.of() : Map.copyOf(areaChains);
    }

    public RoutingFacts(ContactType contactType, Set<Concern> concerns, Severity severity, Integer ageYears,
                        List<String> areaCodes) {
        this(contactType, concerns, severity, ageYears, areaCodes, Map.of());
    }

    /** The case's chain on a map: the chain of the day when no map is named or the case cannot be traced there. */
    public List<String> areaCodesOn(String areaMap) {
        return areaMap == null ? areaCodes : areaChains.getOrDefault(areaMap, areaChains.isEmpty() ? areaCodes
                : List.of());
    }

    public static RoutingFacts of(ContactType contactType, Collection<Concern> concerns) {
        return new RoutingFacts(contactType, concerns == null ? Set.of() : Set.copyOf(concerns.stream()
                .filter(c -> c != null).toList()), null, null, List.of());
    }
}
