package vn.childprotection.platform.reporting.domain;

import java.util.Map;

/**
 * Raw counts as the fact store computes them: only the keys that occur. {@link OverviewAssembler} turns them into
 * an {@link Overview} with every known key present.
 *
 * @param contacts     case facts (every contact) in the filter
 * @param byContactType contacts per contact type
 * @param byConcern    contacts per concern; a contact with two concerns counts once in each
 * @param referrals    referral facts of the cases in the filter
 */
public record OverviewCounts(
        long contacts,
        Map<String, Long> byContactType,
        Map<String, Long> byConcern,
        Map<String, Long> bySeverity,
        Map<String, Long> byChannel,
        Map<String, Long> byProvince,
        long referrals,
        Map<String, Long> byAgency,
        Map<String, Long> byRole) {

    public static final OverviewCounts EMPTY =
            new OverviewCounts(0, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), 0, Map.of(), Map.of());

    public OverviewCounts {
        byContactType = Map.copyOf(byContactType);
        byConcern = Map.copyOf(byConcern);
        bySeverity = Map.copyOf(bySeverity);
        byChannel = Map.copyOf(byChannel);
        byProvince = Map.copyOf(byProvince);
        byAgency = Map.copyOf(byAgency);
        byRole = Map.copyOf(byRole);
    }
}
