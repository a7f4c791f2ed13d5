package vn.childprotection.platform.notification.application.port.out;

import vn.childprotection.platform.notification.domain.Recipient;

import java.util.List;
import java.util.Optional;

/** Who the focal point of an agency's unit for an area is (S0 Art 8.4, 9.5). Empty when the directory has none. */
public interface RecipientDirectory {

    Optional<Recipient> focalPointFor(String agency, String areaCode);

    /** Everyone told of a referral to the agency in the area, focal point first; empty when the agency has none. */
    default List<Recipient> recipientsFor(String agency, String areaCode) {
        return focalPointFor(agency, areaCode).map(List::of).orElse(List.of());
    }
}
