package vn.childprotection.platform.access.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditChainVerifierTest {

    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");

    /** Two producers' chains interleaved, as one store holds them: referral 1..4, notification 1..3. */
    private static List<AuditRecord> trail() {
        List<AuditRecord> records = new ArrayList<>();
        AuditRecord referral = null;
        AuditRecord notification = null;
        for (int i = 0; i < 7; i++) {
            boolean fromReferral = i % 2 == 0;
            AuditRecord draft = draft(fromReferral ? "referral-service" : "notification-service", T0.plusSeconds(i),
                    fromReferral ? "READ_REFERRAL" : "RETRY_NOTIFICATION", "case-" + i);
            if (fromReferral) {
                referral = AuditChain.append(referral, draft);
                records.add(referral);
            } else {
                notification = AuditChain.append(notification, draft);
                records.add(notification);
            }
        }
        return records;
    }

    private static AuditRecord draft(String producer, Instant at, String action, String caseId) {
        return new AuditRecord(producer, 0, at, "sub-police-11", "agency-officer", "POLICE", "11-POLICE", "cprp-console",
                action, "GET /api/v1/cases/" + caseId, caseId, null, null, AuditRecord.Outcome.ALLOWED, 200, "127.0.0.1", null, null, null);
    }

    private static AuditRecord withAction(AuditRecord record, String action) {
        return new AuditRecord(record.producer(), record.sequence(), record.at(), record.subject(), record.roles(),
                record.agency(), record.unit(), record.client(), action, record.resource(), record.caseId(),
                record.referralId(),
                record.notificationId(), record.outcome(), record.status(), record.clientAddress(), record.reason(),
                record.previousHash(), record.hash());
    }

    @Test
    void anUntouchedTrailVerifies() {
        List<AuditRecord> trail = trail();

        assertThat(trail.getFirst().previousHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(trail.get(2).previousHash()).isEqualTo(trail.getFirst().hash());
        assertThat(AuditChainVerifier.verify(trail)).isEqualTo(new AuditChainVerifier.Intact(7));
    }

    @Test
    void aForgedRecordIsFoundWhetherOrNotItsHashWasRecomputed() {
        List<AuditRecord> forged = trail();
        forged.set(2, withAction(forged.get(2), "LIST_REFERRALS"));

        assertThat(AuditChainVerifier.verify(forged)).isInstanceOfSatisfying(AuditChainVerifier.Broken.class, broken -> {
            assertThat(broken.producer()).isEqualTo("referral-service");
            assertThat(broken.sequence()).isEqualTo(2);
            assertThat(broken.problem()).isEqualTo(AuditChainVerifier.Problem.ALTERED);
        });

        List<AuditRecord> rehashed = trail();
        AuditRecord original = rehashed.get(2);
        AuditRecord altered = withAction(original, "LIST_REFERRALS");
        rehashed.set(2, altered.chained(altered.sequence(), altered.previousHash(), AuditChain.hashOf(altered)));

        assertThat(AuditChainVerifier.verify(rehashed)).isInstanceOfSatisfying(AuditChainVerifier.Broken.class, broken -> {
            assertThat(broken.sequence()).as("the successor no longer links to it").isEqualTo(3);
            assertThat(broken.problem()).isEqualTo(AuditChainVerifier.Problem.NOT_LINKED);
        });
    }

    @Test
    void aDeletedRecordIsFound() {
        List<AuditRecord> trail = trail();
        trail.remove(3); // notification-service's second

        assertThat(AuditChainVerifier.verify(trail)).isEqualTo(new AuditChainVerifier.Broken("notification-service", 3,
                AuditChainVerifier.Problem.MISSING, "records 2 to 2 are missing"));
    }

    @Test
    void aReorderedRecordIsFound() {
        List<AuditRecord> trail = trail();
        Collections.swap(trail, 2, 4); // referral-service's 2 and 3

        assertThat(AuditChainVerifier.verify(trail)).isInstanceOfSatisfying(AuditChainVerifier.Broken.class, broken -> {
            assertThat(broken.producer()).isEqualTo("referral-service");
            assertThat(broken.problem()).isEqualTo(AuditChainVerifier.Problem.MISSING);
            assertThat(broken.sequence()).isEqualTo(3);
        });
    }

    @Test
    void aRecordMovedBehindItsSuccessorIsOutOfOrder() {
        List<AuditRecord> trail = trail();
        AuditRecord second = trail.remove(2);
        trail.add(second); // referral 1, 3, 4, …, 2

        assertThat(AuditChainVerifier.verify(trail)).isInstanceOf(AuditChainVerifier.Broken.class);
        List<AuditRecord> late = new ArrayList<>(trail());
        late.add(late.get(2)); // referral-service's 2 again at the end
        assertThat(AuditChainVerifier.verify(late)).isInstanceOfSatisfying(AuditChainVerifier.Broken.class, broken ->
                assertThat(broken.problem()).isEqualTo(AuditChainVerifier.Problem.OUT_OF_ORDER));
    }
}
