package vn.childprotection.platform.notification.application.port.out;

import vn.childprotection.platform.notification.domain.AgencyDirectory;

/**
 * The agency directory as this service reads it: focal points per agency and area, further recipients, backup focal
 * points (S0 Art 8.4, 9.5) and the coordinator per province (S0 Art 5.4). Empty answers where it names nobody.
 */
public interface RecipientDirectory extends AgencyDirectory {
}
