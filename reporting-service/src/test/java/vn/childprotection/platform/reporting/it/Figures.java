package vn.childprotection.platform.reporting.it;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import vn.childprotection.platform.contracts.Agencies;
import vn.childprotection.platform.contracts.Channel;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.Severity;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The overview as a client reads it, without {@code generatedAt}; {@link #zero()} builds expectations. */
@JsonIgnoreProperties(ignoreUnknown = true)
record Figures(
        long reports,
        Map<String, Long> contacts,
        long cases,
        long referrals,
        Map<String, Long> byAgency,
        Map<String, Long> byConcern,
        Map<String, Long> bySeverity,
        Map<String, Long> byChannel,
        Map<String, Long> byProvince,
        Map<String, Long> byRole) {

    /** Nothing counted: every known key at 0. */
    static Figures zero() {
        return new Figures(0, zeros(List.of("COUNSELLING", "INTERVENTION")), 0, 0, zeros(Agencies.NATIONAL),
                zeros(names(Concern.values())), zeros(names(Severity.values())), zeros(names(Channel.values())),
                new LinkedHashMap<>(), zeros(names(ReferralRole.values())));
    }

    Figures reports(long value) {
        return new Figures(value, contacts, cases, referrals, byAgency, byConcern, bySeverity, byChannel,
                byProvince, byRole);
    }

    Figures cases(long value) {
        return new Figures(reports, contacts, value, referrals, byAgency, byConcern, bySeverity, byChannel,
                byProvince, byRole);
    }

    Figures referrals(long value) {
        return new Figures(reports, contacts, cases, value, byAgency, byConcern, bySeverity, byChannel,
                byProvince, byRole);
    }

    /** Sets one count in one of the maps, e.g. {@code count(byAgency(), "POLICE", 3)}. */
    Figures count(Map<String, Long> map, String key, long value) {
        map.put(key, value);
        return this;
    }

    private static Map<String, Long> zeros(List<String> keys) {
        Map<String, Long> map = new LinkedHashMap<>();
        keys.forEach(key -> map.put(key, 0L));
        return map;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
