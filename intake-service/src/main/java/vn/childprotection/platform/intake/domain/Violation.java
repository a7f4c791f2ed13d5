package vn.childprotection.platform.intake.domain;

/**
 * One thing wrong with a report: the field as a JSON path ({@code location.provinceCode}, {@code concerns[1]}) and
 * what is wrong with it. The rejected value is never repeated: it may be personal data.
 */
public record Violation(String field, String message) {
}
