package vn.childprotection.platform.contracts;

/**
 * The informant. {@code fullName} and {@code phone} are personal data: they travel only on the intake topic and are
 * never copied to case events, agency topics, keys, headers, logs or metric tags.
 */
public record Reporter(String fullName, String phone, ReporterRelationship relationship,
                       boolean anonymous, boolean wantsFeedback) {

    /** S0 Art 7.2: the result goes back to the informant unless anonymous or declined. */
    public boolean expectsFeedback() {
        return wantsFeedback && !anonymous;
    }
}
