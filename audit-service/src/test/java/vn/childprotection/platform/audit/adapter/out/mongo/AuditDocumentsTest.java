package vn.childprotection.platform.audit.adapter.out.mongo;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import vn.childprotection.platform.access.audit.AuditChain;
import vn.childprotection.platform.access.audit.AuditChainVerifier.Broken;
import vn.childprotection.platform.access.audit.AuditChainVerifier.Problem;
import vn.childprotection.platform.access.audit.AuditRecord;
import vn.childprotection.platform.audit.domain.ChainAnchor;
import vn.childprotection.platform.audit.domain.PurgeMarker;
import vn.childprotection.platform.audit.domain.StoredRecord;

import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.platform.audit.fixtures.Chains.T0;
import static vn.childprotection.platform.audit.fixtures.Chains.chain;
import static vn.childprotection.platform.audit.fixtures.Chains.stored;

class AuditDocumentsTest {

    private final AuditRecord record = chain("referral-service-1", 5).get(4); // a refusal with a reason

    private static boolean intact(AuditRecord read) {
        return AuditChain.hashOf(read).equals(read.hash());
    }

    @Test
    void a_record_reads_back_exactly_as_chained_to_the_nanosecond() {
        StoredRecord original = stored(record);

        StoredRecord read = AuditDocuments.decode(AuditDocuments.encode(original));

        assertThat(read).isEqualTo(original);
        assertThat(read.record().at()).isEqualTo(T0.plusSeconds(240));
        assertThat(read.record().at().getNano()).as("finer than a BSON date").isEqualTo(123_456_000);
        assertThat(intact(read.record())).isTrue();
        assertThat(AuditDocuments.encode(original)).doesNotContainKey("agency").containsEntry("at",
                Date.from(record.at()));
    }

    @Test
    void a_conflicting_copy_keeps_its_event_id_and_its_mark() {
        StoredRecord copy = stored(record).asConflictingCopy();

        assertThat(AuditDocuments.decode(AuditDocuments.encode(copy))).isEqualTo(copy);
    }

    @Test
    void a_document_changed_in_the_store_still_reads_and_no_longer_gives_its_hash() {
        Document typeChanged = AuditDocuments.encode(stored(record)).append("subject", 42);
        Document unknownOutcome = AuditDocuments.encode(stored(record)).append("outcome", "MAYBE");
        Document unreadableTime = AuditDocuments.encode(stored(record)).append("occurredAt", "yesterday");
        Document movedInTime = AuditDocuments.encode(stored(record)).append("at", Date.from(Instant.EPOCH));

        assertThat(AuditDocuments.record(typeChanged).subject()).isEqualTo("42");
        assertThat(AuditDocuments.record(unknownOutcome).outcome()).isNull();
        assertThat(AuditDocuments.record(unreadableTime).at()).isNull();
        assertThat(AuditDocuments.record(movedInTime).at()).isEqualTo(Instant.EPOCH);
        for (Document changed : new Document[]{typeChanged, unknownOutcome, unreadableTime, movedInTime}) {
            assertThat(intact(AuditDocuments.record(changed))).isFalse();
        }
    }

    @Test
    void a_purge_marker_reads_back_with_the_break_it_keeps() {
        PurgeMarker marker = new PurgeMarker("notification-service-2", new ChainAnchor(40, record.hash()),
                Instant.parse("2021-12-07T08:00:00Z"), 40, Instant.parse("2026-12-07T09:00:00Z"),
                new Broken("notification-service-2", 17, Problem.MISSING, "records 16 to 16 are missing"));

        assertThat(MongoPurgeMarkers.decode(MongoPurgeMarkers.encode(marker))).isEqualTo(marker);
    }
}
