package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.Severity;

import java.util.Set;

/**
 * Optional conditions of a rule; an empty set or {@code null} bound means "any". A rule whose conditions do not hold
 * for a case does not apply to it.
 *
 * @param areaCodes the rule applies only when one of these administrative units is in the case's area chain (a city
 *                  plan such as S4 applies to its city only)
 */
public record RuleConditions(Set<Severity> severities, Integer ageMin, Integer ageMax, Set<ContactType> contactTypes,
                             Set<String> areaCodes) {

    public static final RuleConditions ANY = new RuleConditions(Set.of(), null, null, Set.of(), Set.of());

    public RuleConditions {
        severities = severities == null ? Set.of() : Set.copyOf(severities);
        contactTypes = contactTypes == null ? Set.of() : Set.copyOf(contactTypes);
        areaCodes = areaCodes == null ? Set.of() : Set.copyOf(areaCodes);
    }

    public boolean any() {
        return severities.isEmpty() && ageMin == null && ageMax == null && contactTypes.isEmpty()
                && areaCodes.isEmpty();
    }

    /** Whether the rule applies; an unknown age never satisfies an age bound. */
    public boolean holdFor(RoutingFacts facts) {
        return holdFor(facts, null);
    }

    /**
     * @param areaMap the map the rule's area codes are written in ({@code null}: the map of the case's day)
     */
    public boolean holdFor(RoutingFacts facts, String areaMap) {
        if (!severities.isEmpty() && (facts.severity() == null || !severities.contains(facts.severity()))) {
            return false;
        }
        if (!contactTypes.isEmpty() && (facts.contactType() == null || !contactTypes.contains(facts.contactType()))) {
            return false;
        }
        if (ageMin != null && (facts.ageYears() == null || facts.ageYears() < ageMin)) {
            return false;
        }
        if (ageMax != null && (facts.ageYears() == null || facts.ageYears() > ageMax)) {
            return false;
        }
        return areaCodes.isEmpty() || facts.areaCodesOn(areaMap).stream().anyMatch(areaCodes::contains);
    }
}
