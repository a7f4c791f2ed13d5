package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.contracts.Concern;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A validated, versioned routing ruleset: data, not code (domain reference: "Areas, agencies and rules must therefore
 * be data, effective-dated"). Build one from a {@link RulesetDefinition} through {@link RulesetValidator}.
 *
 * <p>Two kinds: a base ruleset (the national default: standing agency, every concern covered) and a province's
 * extension ({@code extendsJurisdiction = VN}: rules that add to or replace, by rule id, the base's rules). The
 * ruleset a case is routed with is the base {@link #mergedWith merged with} its province's extension.
 *
 * @param effectiveTo      first day the version no longer applies (exclusive), or {@code null}: until the next version
 * @param declaredAgencies agency codes this ruleset adds beyond the national seven, with their names
 * @param versions         the versions merged into this one (base first), for the explanation
 * @param areaMap          the administrative map the jurisdiction and the rules' area codes are written in
 *                         ({@code VN-2024}: a province of the three-level map, whose rules keep applying to its former
 *                         territory); {@code null}: the map of the case's day
 */
public record Ruleset(String version, LocalDate effectiveFrom, LocalDate effectiveTo, String jurisdiction,
                      String extendsJurisdiction, StandingAgency standingAgency, List<Rule> rules,
                      Map<String, String> declaredAgencies, List<String> versions, String areaMap) {

    public Ruleset {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        if (extendsJurisdiction == null) {
            Objects.requireNonNull(standingAgency, "standingAgency");
        }
        rules = List.copyOf(rules);
        declaredAgencies = declaredAgencies == null ? Map.of() : Map.copyOf(declaredAgencies);
        versions = versions == null || versions.isEmpty() ? List.of(version) : List.copyOf(versions);
    }

    public Ruleset(String version, LocalDate effectiveFrom, LocalDate effectiveTo, String jurisdiction,
                   String extendsJurisdiction, StandingAgency standingAgency, List<Rule> rules,
                   Map<String, String> declaredAgencies, List<String> versions) {
        this(version, effectiveFrom, effectiveTo, jurisdiction, extendsJurisdiction, standingAgency, rules,
                declaredAgencies, versions, null);
    }

    public Ruleset(String version, LocalDate effectiveFrom, String jurisdiction, StandingAgency standingAgency,
                   List<Rule> rules) {
        this(version, effectiveFrom, null, jurisdiction, null, standingAgency, rules, Map.of(), List.of(version));
    }

    /** The key the catalog files this ruleset under: the jurisdiction, qualified by its map when it names one. */
    public String territory() {
        return areaMap == null ? jurisdiction : areaMap + ":" + jurisdiction;
    }

    public boolean extension() {
        return extendsJurisdiction != null;
    }

    /** Whether this version applies on a day (effectiveTo exclusive). */
    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || day.isBefore(effectiveTo));
    }

    /** The rules covering a concern, in file order. */
    public List<Rule> rulesFor(Concern concern) {
        return rules.stream().filter(rule -> rule.covers(concern)).toList();
    }

    /** Every agency code the ruleset can route to, the standing agency first. */
    public Set<String> agencies() {
        Set<String> agencies = new LinkedHashSet<>();
        if (standingAgency != null) {
            agencies.add(standingAgency.agency());
        }
        rules.forEach(rule -> rule.agencies().forEach(a -> agencies.add(a.agency())));
        return agencies;
    }

    /**
     * This base ruleset with a province's extension: the extension's rules replace base rules with the same id and
     * are otherwise added after them. The merged version names both ({@code VN-national-2025.1+11-2025.1}).
     */
    public Ruleset mergedWith(Ruleset extension) {
        if (extension == null) {
            return this;
        }
        Map<String, Rule> byId = new LinkedHashMap<>();
        rules.forEach(rule -> byId.put(rule.id(), rule.source() == null ? rule.from(jurisdiction) : rule));
        extension.rules().forEach(rule -> byId.put(rule.id(), rule.from(extension.jurisdiction(),
                extension.areaMap())));
        Map<String, String> declared = new LinkedHashMap<>(declaredAgencies);
        declared.putAll(extension.declaredAgencies());
        LocalDate from = extension.effectiveFrom().isAfter(effectiveFrom) ? extension.effectiveFrom() : effectiveFrom;
        return new Ruleset(version + "+" + extension.version(), from, null, extension.jurisdiction(), null,
                standingAgency, List.copyOf(byId.values()), declared, List.of(version, extension.version()),
                extension.areaMap());
    }
}
