package vn.childprotection.platform.contracts;

/** Non-identifying facts about the child, for routing and statistics. */
public record ChildProfile(Sex sex, Integer ageYears) {
}
