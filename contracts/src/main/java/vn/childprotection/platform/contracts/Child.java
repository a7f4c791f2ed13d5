package vn.childprotection.platform.contracts;

/** The child as the informant described them. {@code fullName} is personal data. */
public record Child(String fullName, Sex sex, Integer ageYears) {

    /** The non-identifying part, safe for case events and statistics. */
    public ChildProfile profile() {
        return new ChildProfile(sex, ageYears);
    }
}
