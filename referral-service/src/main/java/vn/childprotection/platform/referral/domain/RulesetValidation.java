package vn.childprotection.platform.referral.domain;

import java.util.List;

/** The outcome of checking a {@link RulesetDefinition}: a usable ruleset, or every problem found. */
public sealed interface RulesetValidation {

    record Valid(Ruleset ruleset) implements RulesetValidation {
    }

    record Invalid(List<RulesetProblem> problems) implements RulesetValidation {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }
}
