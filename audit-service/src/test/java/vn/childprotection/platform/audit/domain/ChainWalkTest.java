package vn.childprotection.platform.audit.domain;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.access.audit.AuditChainVerifier;
import vn.childprotection.platform.access.audit.AuditChainVerifier.Broken;
import vn.childprotection.platform.access.audit.AuditChainVerifier.Problem;
import vn.childprotection.platform.access.audit.AuditRecord;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.childprotection.platform.audit.fixtures.Chains.chain;
import static vn.childprotection.platform.audit.fixtures.Chains.rehashed;
import static vn.childprotection.platform.audit.fixtures.Chains.withAction;
import static vn.childprotection.platform.audit.fixtures.Chains.withSequence;

class ChainWalkTest {

    private static final String P = "referral-service-1a2b3c4d";

    /** The walk from the chain's start, as a verification: its first break, or none. */
    private static Optional<Broken> walk(ChainAnchor anchor, List<AuditRecord> records) {
        ChainWalk walk = ChainWalk.from(P, anchor);
        for (AuditRecord record : records) {
            Optional<Broken> broken = walk.next(record);
            if (broken.isPresent()) {
                return broken;
            }
        }
        return Optional.empty();
    }

    private static Optional<Broken> verifier(List<AuditRecord> records) {
        return AuditChainVerifier.verify(records) instanceof Broken broken ? Optional.of(broken) : Optional.empty();
    }

    @Test
    void from_the_start_it_finds_exactly_what_the_platform_verifier_finds() {
        List<List<AuditRecord>> trails = new ArrayList<>();
        trails.add(chain(P, 6));
        List<AuditRecord> altered = chain(P, 6);
        altered.set(2, withAction(altered.get(2), "REVEAL_INFORMANT"));
        trails.add(altered);
        List<AuditRecord> relinked = chain(P, 6);
        relinked.set(2, rehashed(withAction(relinked.get(2), "REVEAL_INFORMANT")));
        trails.add(relinked);
        List<AuditRecord> deleted = chain(P, 6);
        deleted.remove(3);
        trails.add(deleted);
        List<AuditRecord> reordered = chain(P, 6);
        Collections.swap(reordered, 1, 2);
        trails.add(reordered);
        List<AuditRecord> repeated = chain(P, 6);
        repeated.add(3, repeated.get(2));
        trails.add(repeated);
        List<AuditRecord> headless = chain(P, 6);
        headless.removeFirst();
        trails.add(headless);

        for (List<AuditRecord> trail : trails) {
            assertThat(walk(ChainAnchor.GENESIS, trail)).isEqualTo(verifier(trail));
        }
        assertThat(walk(ChainAnchor.GENESIS, altered)).hasValue(
                new Broken(P, 3, Problem.ALTERED, "its fields do not give its hash"));
        assertThat(walk(ChainAnchor.GENESIS, relinked).map(Broken::problem)).hasValue(Problem.NOT_LINKED);
        assertThat(walk(ChainAnchor.GENESIS, deleted)).hasValue(
                new Broken(P, 5, Problem.MISSING, "records 4 to 4 are missing"));
        assertThat(walk(ChainAnchor.GENESIS, repeated).map(Broken::problem)).hasValue(Problem.OUT_OF_ORDER);
        assertThat(walk(ChainAnchor.GENESIS, headless)).hasValue(
                new Broken(P, 2, Problem.MISSING, "records 1 to 1 are missing"));
    }

    @Test
    void after_an_anchor_the_chain_continues_from_the_anchored_record() {
        List<AuditRecord> records = chain(P, 10);
        AuditRecord purgedLast = records.get(3);
        ChainAnchor anchor = new ChainAnchor(purgedLast.sequence(), purgedLast.hash());

        assertThat(walk(anchor, records.subList(4, 10))).isEmpty();
        assertThat(verifier(records.subList(4, 10)).map(Broken::problem))
                .as("the platform verifier alone would call the purged head missing").hasValue(Problem.MISSING);
    }

    @Test
    void after_an_anchor_a_record_deleted_at_the_start_of_what_is_kept_is_missing() {
        List<AuditRecord> records = chain(P, 10);
        ChainAnchor anchor = new ChainAnchor(4, records.get(3).hash());

        assertThat(walk(anchor, records.subList(5, 10))).hasValue(
                new Broken(P, 6, Problem.MISSING, "records 5 to 5 are missing"));
    }

    @Test
    void after_an_anchor_a_first_record_that_does_not_follow_the_anchored_one_is_not_linked() {
        List<AuditRecord> records = chain(P, 10);
        List<AuditRecord> other = chain(P, 10, records.getFirst().at().plusSeconds(7));
        ChainAnchor anchor = new ChainAnchor(4, records.get(3).hash());

        assertThat(walk(anchor, other.subList(4, 10))).hasValue(
                new Broken(P, 5, Problem.NOT_LINKED, "its predecessor hash is not record 4's"));
    }

    @Test
    void a_walk_resumed_after_a_break_follows_the_breaking_record() {
        List<AuditRecord> records = chain(P, 6);
        ChainWalk walk = ChainWalk.from(P, ChainAnchor.GENESIS);
        walk.next(records.get(0));
        AuditRecord swapped = withSequence(records.get(2), 2);

        assertThat(walk.next(swapped).map(Broken::problem)).hasValue(Problem.ALTERED);
        walk.resumeAfter(swapped);
        assertThat(walk.position()).isEqualTo(new ChainAnchor(2, records.get(2).hash()));
        assertThat(walk.checked()).isEqualTo(2);
    }

    @Test
    void a_record_of_another_producer_is_not_part_of_the_walk() {
        assertThatThrownBy(() -> ChainWalk.from(P, ChainAnchor.GENESIS).next(chain("other", 1).getFirst()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
