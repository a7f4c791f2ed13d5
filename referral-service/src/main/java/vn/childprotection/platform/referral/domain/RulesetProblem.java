package vn.childprotection.platform.referral.domain;

/**
 * One thing wrong with a ruleset, as a value.
 *
 * @param ruleId the rule concerned, or {@code null} for the ruleset as a whole
 */
public record RulesetProblem(String ruleId, String problem) {

    @Override
    public String toString() {
        return (ruleId == null ? "ruleset" : "rule " + ruleId) + ": " + problem;
    }
}
