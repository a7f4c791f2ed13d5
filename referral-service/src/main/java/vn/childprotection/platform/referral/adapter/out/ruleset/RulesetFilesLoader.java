package vn.childprotection.platform.referral.adapter.out.ruleset;

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
