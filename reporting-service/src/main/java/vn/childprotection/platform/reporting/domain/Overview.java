package vn.childprotection.platform.reporting.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headline figures the standing agency aggregates for the province (S0 Art 4.7, 9.4; S2 VIII.1) and the
 * Primero-style referral indicators "referrals by agency and concern". Every map holds every known key, with 0 where
 * nothing was counted, in a stable order.
 *
 * @param reports  every contact (counselling and intervention)
 * @param contacts contacts per type: COUNSELLING (tư vấn) and INTERVENTION (kết nối can thiệp)
 * @param cases    contacts opened for intervention, i.e. cases routed to agencies
 * @param referrals referrals issued for the contacts counted
 * @param byProvince contacts per province of the latest map (a merged province's former parts under it)
 * @param byDistrict contacts per district, of the days on the three-level map (until 30 June 2025)
 * @param byCommune  contacts per commune, of the days on the two-level map (from 1 July 2025)
 */
public record Overview(
        long reports,
        Map<String, Long> contacts,
        long cases,
        long referrals,
        Map<String, Long> byAgency,
        Map<String, Long> byConcern,
        Map<String, Long> bySeverity,
        Map<String, Long> byChannel,
        Map<String, Long> byProvince,
        Map<String, Long> byDistrict,
        Map<String, Long> byCommune,
        Map<String, Long> byRole,
        Map<String, Long> casesByStatus,
        long openOverdueReferrals,
        long notificationsDelivered,
        long notificationsFailed,
        Instant generatedAt) {

    public Overview {
        contacts = ordered(contacts);
        byAgency = ordered(byAgency);
        byConcern = ordered(byConcern);
        bySeverity = ordered(bySeverity);
        byChannel = ordered(byChannel);
        byProvince = ordered(byProvince);
        byDistrict = ordered(byDistrict);
        byCommune = ordered(byCommune);
        byRole = ordered(byRole);
        casesByStatus = ordered(casesByStatus);
    }

    private static Map<String, Long> ordered(Map<String, Long> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
