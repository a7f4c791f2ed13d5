package vn.childprotection.platform.referral.domain;

import java.time.LocalDate;
import java.util.Set;

/**
 * One unit of one or more agencies serving one administrative unit (a district's Phòng Văn hóa và Thông tin serves
 * CULTURE_SPORTS_TOURISM and INFORMATION_COMMUNICATIONS), for the days it exists. Focal point and backup are role
 * contacts (mailboxes), never people; {@code placeholder} is true until the province fills them in.
 *
 * @param areaCode       a code of the administrative map in force while the unit exists
 * @param effectiveFrom  first day the unit serves its area (inclusive), {@code null}: always has
 * @param effectiveUntil last day (inclusive), {@code null}: still does (district units end on 30 June 2025)
 */
public record AgencyUnit(String id, Set<String> agencies, String areaCode, String name, String focalPoint,
                         String backup, boolean placeholder, LocalDate effectiveFrom, LocalDate effectiveUntil) {

    public AgencyUnit {
        agencies = Set.copyOf(agencies);
    }

    public AgencyUnit(String id, Set<String> agencies, String areaCode, String name, String focalPoint,
                      String backup, boolean placeholder) {
        this(id, agencies, areaCode, name, focalPoint, backup, placeholder, null, null);
    }

    public boolean servesOn(LocalDate day) {
        return day == null || ((effectiveFrom == null || !day.isBefore(effectiveFrom))
                && (effectiveUntil == null || !day.isAfter(effectiveUntil)));
    }
}
