package vn.childprotection.platform.referral.adapter.out.ruleset;

import vn.childprotection.platform.referral.domain.RulesetProblem;

import java.util.List;
import java.util.stream.Collectors;

/** A ruleset that cannot be used: start-up fails with a message naming the file, each rule and each problem. */
public final class InvalidRulesetException extends RuntimeException {

    private final String source;
    private final List<RulesetProblem> problems;

    public InvalidRulesetException(String source, List<RulesetProblem> problems) {
        super("ruleset " + source + " is invalid: " + problems.stream().map(RulesetProblem::toString)
                .collect(Collectors.joining("; ")));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<RulesetProblem> problems() {
        return problems;
    }
}
