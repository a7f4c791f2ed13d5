package vn.childprotection.platform.notification.domain;

import java.util.List;
import java.util.Optional;

/**
 * Who is told what, as {@link NotificationRules} asks it: an agency unit's focal point and further recipients
 * (S0 Art 8.4, 9.5), the agency's backup focal point, and the coordinator of a province (S0 Art 5.4).
 */
public interface AgencyDirectory {

    Optional<Recipient> focalPointFor(String agency, String areaCode);

    /** Everyone told of a referral to the agency in the area, focal point first; empty when the agency has none. */
    default List<Recipient> recipientsFor(String agency, String areaCode) {
        return focalPointFor(agency, areaCode).map(List::of).orElse(List.of());
    }

    default Optional<Recipient> backupFocalPointFor(String agency) {
        return Optional.empty();
    }

    /** @param provinceCode {@code null} when the case's province is not known */
    default Optional<Recipient> coordinatorFor(String provinceCode) {
        return Optional.empty();
    }
}
