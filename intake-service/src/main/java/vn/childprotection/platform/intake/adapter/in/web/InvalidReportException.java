package vn.childprotection.platform.intake.adapter.in.web;

import vn.childprotection.platform.intake.domain.Violation;

import java.util.List;

/** A request that is not a valid report: answered 400 with every violation. */
final class InvalidReportException extends RuntimeException {

    private final List<Violation> violations;

    InvalidReportException(List<Violation> violations) {
        super("invalid report: " + violations.size() + " violation(s)", null, false, false);
        this.violations = List.copyOf(violations);
    }

    List<Violation> violations() {
        return violations;
    }
}
