package vn.childprotection.platform.notification.application.port.out;

import vn.childprotection.platform.notification.domain.Recipient;

import java.util.Optional;

/** Who the focal point of an agency's unit for an area is (S0 Art 8.4, 9.5). Empty when the directory has none. */
public interface RecipientDirectory {

    Optional<Recipient> focalPointFor(String agency, String areaCode);
}
