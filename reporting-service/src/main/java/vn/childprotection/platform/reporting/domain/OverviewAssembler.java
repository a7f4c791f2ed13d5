package vn.childprotection.platform.reporting.domain;

import vn.childprotection.platform.contracts.Agencies;
import vn.childprotection.platform.contracts.Channel;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.Severity;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns raw counts into an {@link Overview}: every known code is present with 0 when nothing was counted (all 19
 * concerns, the 7 national agencies of S0 Art 9.5 a–g, every severity, channel and role), codes outside the known
 * lists (agencies a province's ruleset adds, provinces) follow in code order.
 */
public final class OverviewAssembler {

    private static final List<String> CONTACT_TYPES = List.of(ContactType.COUNSELLING.name(),
            ContactType.INTERVENTION.name());

    private OverviewAssembler() {
    }

    public static Overview assemble(OverviewCounts counts, OverviewFilter filter, Instant generatedAt) {
        Map<String, Long> contacts = zeroFilled(CONTACT_TYPES, counts.byContactType());
        List<String> provinces = filter.provinceCode().map(List::of).orElse(List.of());
        return new Overview(
                counts.contacts(),
                contacts,
                contacts.get(ContactType.INTERVENTION.name()),
                counts.referrals(),
                zeroFilled(Agencies.NATIONAL, counts.byAgency()),
                zeroFilled(names(Concern.values()), counts.byConcern()),
                zeroFilled(names(Severity.values()), counts.bySeverity()),
                zeroFilled(names(Channel.values()), counts.byChannel()),
                zeroFilled(provinces, counts.byProvince()),
                zeroFilled(names(ReferralRole.values()), counts.byRole()),
                generatedAt);
    }

    /** {@code known} keys first, in their order, then any other counted key in code order; nulls are dropped. */
    static Map<String, Long> zeroFilled(List<String> known, Map<String, Long> counted) {
        Map<String, Long> result = new LinkedHashMap<>();
        known.forEach(key -> result.put(key, counted.getOrDefault(key, 0L)));
        new TreeMap<>(counted).forEach((key, count) -> {
            if (key != null && !result.containsKey(key)) {
                result.put(key, count);
            }
        });
        return result;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
