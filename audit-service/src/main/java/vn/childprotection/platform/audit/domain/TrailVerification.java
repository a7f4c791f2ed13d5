package vn.childprotection.platform.audit.domain;

import vn.childprotection.platform.access.audit.AuditChainVerifier.Broken;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The verification of every producer's chain in the store: intact when no chain is broken; otherwise the first break
 * (producers in name order) and how many chains are broken.
 *
 * @param producers    chains verified (producers with records or with a purge marker)
 * @param records      records checked
 * @param firstBreak   the first break, or empty
 * @param brokenChains chains with a break
 */
public record TrailVerification(long producers, long records, Optional<Broken> firstBreak, long brokenChains) {

    public boolean intact() {
        return firstBreak.isEmpty();
    }

    /** One producer's chain: records checked, and its first break if it has one. */
    public record Chain(String producer, long records, Optional<Broken> firstBreak) {
    }

    public static TrailVerification of(List<Chain> chains) {
        List<Chain> ordered = new ArrayList<>(chains);
        ordered.sort(Comparator.comparing(Chain::producer));
        long records = ordered.stream().mapToLong(Chain::records).sum();
        List<Broken> breaks = ordered.stream().flatMap(chain -> chain.firstBreak().stream()).toList();
        return new TrailVerification(ordered.size(), records, breaks.stream().findFirst(), breaks.size());
    }
}
