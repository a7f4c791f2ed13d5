package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.Severity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What rule conditions look at: contact type, concerns, severity, the child's age and the case's area chain
 * (most local known area first, province last). No personal data.
 */
public record RoutingFacts(ContactType contactType, Set<Concern> concerns, Severity severity, Integer ageYears,
                           List<String> areaCodes) {

    public RoutingFacts {
        Set<Concern> ordered = EnumSet.noneOf(Concern.class);
        if (concerns != null) {
            concerns.stream().filter(c -> c != null).forEach(ordered::add);
        }
        concerns = ordered;
        areaCodes = areaCodes == null ? List.of() : List.copyOf(areaCodes);
    }

    public static RoutingFacts of(ContactType contactType, Collection<Concern> concerns) {
        return new RoutingFacts(contactType, concerns == null ? Set.of() : Set.copyOf(concerns.stream()
                .filter(c -> c != null).toList()), null, null, List.of());
    }
}
