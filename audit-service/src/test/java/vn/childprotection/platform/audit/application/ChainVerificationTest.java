package vn.childprotection.platform.audit.application;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.access.audit.AuditChainVerifier.Broken;
import vn.childprotection.platform.access.audit.AuditChainVerifier.Problem;
import vn.childprotection.platform.access.audit.AuditRecord;
import vn.childprotection.platform.audit.domain.TrailVerification;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.platform.audit.fixtures.Chains.T0;
import static vn.childprotection.platform.audit.fixtures.Chains.chain;
import static vn.childprotection.platform.audit.fixtures.Chains.rehashed;
import static vn.childprotection.platform.audit.fixtures.Chains.stored;
import static vn.childprotection.platform.audit.fixtures.Chains.withAction;
import static vn.childprotection.platform.audit.fixtures.Chains.withSequence;

class ChainVerificationTest {

    private static final String REFERRAL = "referral-service-aa";
    private static final String NOTIFICATION = "notification-service-bb";

    private final InMemoryAuditStore store = new InMemoryAuditStore();
    private final InMemoryPurgeMarkers markers = new InMemoryPurgeMarkers();
    private final ChainVerification verification = new ChainVerification(store, markers);
    private final List<AuditRecord> referral = chain(REFERRAL, 8);
    private final List<AuditRecord> notification = chain(NOTIFICATION, 5);

    ChainVerificationTest() {
        store.insertNew(stored(referral));
        store.insertNew(stored(notification));
    }

    /** Retention of {@code days} days, run {@code after} after the chains' start. */
    private Retention retention(Duration after, Duration keep) {
        return new Retention(store, markers, keep, 3, Clock.fixed(T0.plus(after), ZoneOffset.UTC));
    }

    @Test
    void untouched_chains_are_intact() {
        TrailVerification result = verification.verifyAll();

        assertThat(result.intact()).isTrue();
        assertThat(result.producers()).isEqualTo(2);
        assertThat(result.records()).isEqualTo(13);
        assertThat(result.brokenChains()).isZero();
    }

    @Test
    void an_altered_record_is_found_with_its_producer_and_sequence() {
        store.replace(withAction(referral.get(4), "REVEAL_INFORMANT"));

        assertThat(verification.verifyAll().firstBreak()).hasValue(
                new Broken(REFERRAL, 5, Problem.ALTERED, "its fields do not give its hash"));
    }

    @Test
    void a_deleted_record_is_missing() {
        store.delete(NOTIFICATION, 3);

        TrailVerification result = verification.verifyAll();

        assertThat(result.firstBreak()).hasValue(
                new Broken(NOTIFICATION, 4, Problem.MISSING, "records 3 to 3 are missing"));
        assertThat(result.brokenChains()).isEqualTo(1);
    }

    @Test
    void swapped_sequence_numbers_break_the_chain_at_the_lower_one() {
        store.replace(withSequence(referral.get(3), 3));
        store.replace(withSequence(referral.get(2), 4));

        assertThat(verification.verifyAll().firstBreak()).hasValue(
                new Broken(REFERRAL, 3, Problem.ALTERED, "its fields do not give its hash"));

        store.replace(rehashed(withSequence(referral.get(3), 3)));
        store.replace(rehashed(withSequence(referral.get(2), 4)));

        assertThat(verification.verifyAll().firstBreak()).as("re-hashed by the forger").hasValue(
                new Broken(REFERRAL, 3, Problem.NOT_LINKED, "its predecessor hash is not record 2's"));
    }

    @Test
    void a_chain_whose_first_stored_record_is_after_one_is_missing_its_start() {
        store.delete(NOTIFICATION, 1);
        store.delete(NOTIFICATION, 2);

        assertThat(verification.verifyAll().firstBreak()).hasValue(
                new Broken(NOTIFICATION, 3, Problem.MISSING, "records 1 to 2 are missing"));
    }

    @Test
    void a_chain_whose_head_retention_purged_is_intact_from_the_last_purged_record() {
        Retention.Result purged = retention(Duration.ofDays(31), Duration.ofDays(31).minusMinutes(4)).purge();

        TrailVerification result = verification.verifyAll();

        assertThat(purged.records()).as("four records of each chain are older").isEqualTo(8);
        assertThat(store.all()).hasSize(5);
        assertThat(result.intact()).isTrue();
        assertThat(result.producers()).isEqualTo(2);
        assertThat(result.records()).isEqualTo(5);
    }

    @Test
    void after_a_purge_a_record_deleted_right_after_the_purged_head_is_still_missing() {
        retention(Duration.ofDays(31), Duration.ofDays(31).minusMinutes(4)).purge();
        store.delete(REFERRAL, 5);

        assertThat(verification.verifyAll().firstBreak()).hasValue(
                new Broken(REFERRAL, 6, Problem.MISSING, "records 5 to 5 are missing"));
    }

    @Test
    void a_break_retention_purged_stays_reported() {
        store.replace(withAction(notification.get(1), "REVEAL_INFORMANT"));

        retention(Duration.ofDays(31), Duration.ofDays(31).minusMinutes(4)).purge();

        assertThat(store.all()).noneMatch(s -> s.record().producer().equals(NOTIFICATION)
                && s.record().sequence() == 2);
        assertThat(verification.verifyAll().firstBreak()).hasValue(
                new Broken(NOTIFICATION, 2, Problem.ALTERED, "its fields do not give its hash"));
    }

    @Test
    void a_fully_purged_chain_is_still_counted() {
        retention(Duration.ofDays(31), Duration.ofDays(1)).purge();

        TrailVerification result = verification.verifyAll();

        assertThat(store.all()).isEmpty();
        assertThat(result.intact()).isTrue();
        assertThat(result.producers()).isEqualTo(2);
        assertThat(result.records()).isZero();
    }
}
