package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.contracts.Agencies;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every ruleset version of every jurisdiction, effective-dated: the national default ({@code VN}) and the provinces'
 * extensions. A case is routed with the version in force on the day it was received (Asia/Ho_Chi_Minh), merged with
 * its province's version in force that day; it keeps that version (a new version applies to new cases only).
 *
 * <p>Built with {@link #of}, which checks the versions together: overlapping effective periods of one jurisdiction,
 * a province ruleset that extends an unknown jurisdiction, agencies that the agency directory does not know.
 */
public final class RulesetCatalog {

    public static final String NATIONAL = "VN";

    /** One loaded ruleset and the file it came from (for messages). */
    public record Entry(String source, Ruleset ruleset) {
    }

    /** A problem of the catalog, naming the file. */
    public record Problem(String source, RulesetProblem problem) {
    }

    private final Map<String, List<Entry>> byJurisdiction;

    private RulesetCatalog(Map<String, List<Entry>> byJurisdiction) {
        this.byJurisdiction = byJurisdiction;
    }

    /** A catalog of one national ruleset, nothing else (tests, and the single-file set-up). */
    public static RulesetCatalog single(Ruleset national) {
        return new RulesetCatalog(Map.of(national.jurisdiction() == null ? NATIONAL : national.jurisdiction(),
                List.of(new Entry("(in memory)", national))));
    }

    /**
     * @param knownAgencies agency codes of the agency directory; empty: only the national seven plus declared codes
     */
    public static Result of(List<Entry> entries, Set<String> knownAgencies) {
        List<Problem> problems = new ArrayList<>();
        Map<String, List<Entry>> byJurisdiction = new TreeMap<>();
        for (Entry entry : entries) {
            byJurisdiction.computeIfAbsent(entry.ruleset().territory(), k -> new ArrayList<>()).add(entry);
        }
        if (!byJurisdiction.containsKey(NATIONAL)) {
            problems.add(new Problem("(all files)", new RulesetProblem(null, "no national (jurisdiction VN) ruleset")));
        }
        for (List<Entry> versions : byJurisdiction.values()) {
            versions.sort(Comparator.comparing((Entry e) -> e.ruleset().effectiveFrom()));
            for (int i = 1; i < versions.size(); i++) {
                Entry previous = versions.get(i - 1);
                Entry next = versions.get(i);
                LocalDate end = previous.ruleset().effectiveTo();
                if (!next.ruleset().effectiveFrom().isAfter(previous.ruleset().effectiveFrom())
                        || (end != null && end.isAfter(next.ruleset().effectiveFrom()))) {
                    problems.add(new Problem(next.source(), new RulesetProblem(null, "version "
                            + next.ruleset().version() + " overlaps version " + previous.ruleset().version() + " ("
                            + previous.source() + ") of jurisdiction " + next.ruleset().jurisdiction())));
                }
            }
            for (Entry entry : versions) {
                Ruleset ruleset = entry.ruleset();
                if (NATIONAL.equals(ruleset.jurisdiction()) == ruleset.extension()) {
                    problems.add(new Problem(entry.source(), new RulesetProblem(null, NATIONAL.equals(
                            ruleset.jurisdiction()) ? "the national ruleset cannot extend another"
                            : "a province ruleset must say extends: VN")));
                }
                if (ruleset.extension() && !NATIONAL.equals(ruleset.extendsJurisdiction())) {
                    problems.add(new Problem(entry.source(), new RulesetProblem(null, "extends unknown "
                            + "jurisdiction " + ruleset.extendsJurisdiction())));
                }
                for (Rule rule : ruleset.rules()) {
                    for (AgencyAssignment assignment : rule.agencies()) {
                        if (!known(assignment.agency(), ruleset, knownAgencies)) {
                            problems.add(new Problem(entry.source(), new RulesetProblem(rule.id(), "unknown agency "
                                    + assignment.agency() + " (not in the agency directory nor declared by the "
                                    + "ruleset)")));
                        }
                    }
                }
            }
        }
        return problems.isEmpty() ? new Result.Valid(new RulesetCatalog(byJurisdiction))
                : new Result.Invalid(problems);
    }

    private static boolean known(String agency, Ruleset ruleset, Set<String> knownAgencies) {
        if (!knownAgencies.isEmpty()) {
            return knownAgencies.contains(agency);
        }
        return Agencies.NATIONAL.contains(agency) || ruleset.declaredAgencies().containsKey(agency);
    }

    public sealed interface Result {
        record Valid(RulesetCatalog catalog) implements Result {
        }

        record Invalid(List<Problem> problems) implements Result {
            public Invalid {
                problems = List.copyOf(problems);
            }
        }
    }

    /**
     * The merged ruleset in force for a province on a day. Before the first national version's effectiveFrom, the
     * first version applies (the platform needs some routing; policy choice, see README).
     */
    public Ruleset inForce(String provinceCode, LocalDate day) {
        return inForce(provinceCode == null ? List.of() : List.of(provinceCode), day);
    }

    /**
     * The merged ruleset in force on a day for the first of a case's territories that has one: the province on the
     * map of the day, then the province its place belonged to on each earlier map ({@code VN-2024:89}), so that a
     * merged province's rules keep applying to its former territory until the new province publishes its own
     * (policy default, see README). Before a jurisdiction's first version, that version applies, as for the
     * national default.
     *
     * @param territories most specific first: {@code 91}, {@code VN-2025:91}, {@code VN-2024:89}
     */
    public Ruleset inForce(List<String> territories, LocalDate day) {
        Ruleset national = version(NATIONAL, day).orElseThrow();
        for (String territory : territories) {
            if (territory == null || NATIONAL.equals(territory)) {
                continue;
            }
            Optional<Ruleset> province = version(territory, day);
            if (province.isPresent()) {
                return national.mergedWith(province.get());
            }
        }
        return national;
    }

    /** The version in force on a day; before the first version's effectiveFrom, the first version. */
    private Optional<Ruleset> version(String territory, LocalDate day) {
        List<Entry> versions = byJurisdiction.getOrDefault(territory, List.of());
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        Ruleset found = null;
        for (Entry entry : versions) {
            if (!entry.ruleset().effectiveFrom().isAfter(day)
                    && (entry.ruleset().effectiveTo() == null || day.isBefore(entry.ruleset().effectiveTo()))) {
                found = entry.ruleset();
            }
        }
        Ruleset first = versions.getFirst().ruleset();
        return Optional.ofNullable(found != null ? found : day.isBefore(first.effectiveFrom()) ? first : null);
    }

    /** Every loaded version per jurisdiction, oldest first. */
    public Map<String, List<Ruleset>> versions() {
        Map<String, List<Ruleset>> all = new LinkedHashMap<>();
        byJurisdiction.forEach((k, v) -> all.put(k, v.stream().map(Entry::ruleset).toList()));
        return all;
    }

    /** The agency codes declared by any ruleset beyond the national seven. */
    public Map<String, String> declaredAgencies() {
        Map<String, String> declared = new TreeMap<>();
        byJurisdiction.values().forEach(v -> v.forEach(e -> declared.putAll(e.ruleset().declaredAgencies())));
        return declared;
    }
}
