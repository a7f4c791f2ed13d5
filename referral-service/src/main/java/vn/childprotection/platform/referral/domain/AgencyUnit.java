package vn.childprotection.platform.referral.domain;

import java.util.Set;

/**
 * One unit of one or more agencies serving one administrative unit (a district's Phòng Văn hóa và Thông tin serves
 * CULTURE_SPORTS_TOURISM and INFORMATION_COMMUNICATIONS). Focal point and backup are role contacts (mailboxes), never
 * people; {@code placeholder} is true until the province fills them in.
 */
public record AgencyUnit(String id, Set<String> agencies, String areaCode, String name, String focalPoint,
                         String backup, boolean placeholder) {

    public AgencyUnit {
        agencies = Set.copyOf(agencies);
    }
}
