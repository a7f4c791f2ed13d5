package vn.childprotection.platform.referral.adapter.out.ruleset;

import vn.childprotection.platform.areas.AreaMaps;
import vn.childprotection.platform.areas.AreaUnit;
import vn.childprotection.platform.referral.domain.Ruleset;
import vn.childprotection.platform.referral.domain.RulesetCatalog;
import vn.childprotection.platform.referral.domain.RulesetProblem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the ruleset catalog from the files read by {@link YamlRulesetReader}, checking them together (overlapping
 * versions of one jurisdiction, agencies the agency directory does not know). Fails with a message naming the file,
 * the rule and the problem.
 */
public final class RulesetFilesLoader {

    private RulesetFilesLoader() {
    }

    /**
     * Checks each province ruleset's territory against the maps: a ruleset that names its map ({@code areaMap:
     * VN-2024}) must name a province of that map, and its rules' area codes must be units of that map.
     */
    public static void checkTerritories(List<RulesetCatalog.Entry> entries, AreaMaps maps) {
        for (RulesetCatalog.Entry entry : entries) {
            Ruleset ruleset = entry.ruleset();
            if (ruleset.areaMap() == null) {
                continue;
            }
            List<RulesetProblem> problems = new ArrayList<>();
            maps.map(ruleset.areaMap()).ifPresentOrElse(map -> {
                if (!RulesetCatalog.NATIONAL.equals(ruleset.jurisdiction())
                        && !map.has(ruleset.jurisdiction(), AreaUnit.Level.PROVINCE)) {
                    problems.add(new RulesetProblem(null, "jurisdiction " + ruleset.jurisdiction()
                            + " is not a province of map " + ruleset.areaMap()));
                }
                ruleset.rules().forEach(rule -> rule.conditions().areaCodes().stream()
                        .filter(code -> map.unit(code).isEmpty())
                        .forEach(code -> problems.add(new RulesetProblem(rule.id(), "area code " + code
                                + " is not a unit of map " + ruleset.areaMap()))));
            }, () -> problems.add(new RulesetProblem(null, "areaMap " + ruleset.areaMap() + " is not a known map ("
                    + maps.maps().stream().map(m -> m.version()).toList() + ")")));
            if (!problems.isEmpty()) {
                throw new InvalidRulesetException(entry.source(), problems);
            }
        }
    }

    public static RulesetCatalog catalog(List<RulesetCatalog.Entry> entries, Set<String> knownAgencies) {
        return switch (RulesetCatalog.of(entries, knownAgencies)) {
            case RulesetCatalog.Result.Valid valid -> valid.catalog();
            case RulesetCatalog.Result.Invalid invalid -> {
                Map<String, List<RulesetProblem>> bySource = new LinkedHashMap<>();
                invalid.problems().forEach(p -> bySource.computeIfAbsent(p.source(), k -> new ArrayList<>())
                        .add(p.problem()));
                Map.Entry<String, List<RulesetProblem>> first = bySource.entrySet().iterator().next();
                List<RulesetProblem> all = new ArrayList<>(first.getValue());
                bySource.entrySet().stream().skip(1).forEach(e -> e.getValue().forEach(p -> all.add(
                        new RulesetProblem(p.ruleId(), p.problem() + " (in " + e.getKey() + ")"))));
                throw new InvalidRulesetException(first.getKey(), all);
            }
        };
    }
}
