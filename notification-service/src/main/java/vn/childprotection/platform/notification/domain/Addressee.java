package vn.childprotection.platform.notification.domain;

import java.util.Objects;

/**
 * One recipient of a notification as the rules choose it: its role, the agency it speaks for and its address, or no
 * address when the directory has none for the role (then the notification is recorded FAILED, visible and chased,
 * S0 Art 5.4, rather than dropped).
 *
 * @param agency    the agency the recipient belongs to ({@code null} for the informant)
 * @param recipient {@code null} when the directory names nobody for the role
 */
public record Addressee(RecipientRole role, String agency, Recipient recipient) {

    public Addressee {
        Objects.requireNonNull(role, "role");
    }

    public boolean isMissing() {
        return recipient == null;
    }
}
