package vn.childprotection.platform.deploy;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which queries the stand-in's non-unique index serves, and with which documents. */
class LeadingKeyIndexTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final MVStore store = new MVStore.Builder().open();
    private final LeadingKeyIndex status = new LeadingKeyIndex(map("status"), "status_lease",
            List.of(new IndexKey("status", true), new IndexKey("leaseUntil", true)), false);
    private final LeadingKeyIndex due = new LeadingKeyIndex(map("due"), "due", List.of(new IndexKey("due", true)), true);

    @BeforeEach
    void hundredDocuments() {
        for (int i = 0; i < 100; i++) {
            Document document = new Document("_id", String.format("n-%03d", i))
                    .append("status", i % 10 == 0 ? "PENDING" : "DELIVERED");
            if (i % 2 == 0) {
                document.append("due", T0.plusSeconds(i));
            }
            status.add(document, document.get("_id"), null);
            due.add(document, document.get("_id"), null);
        }
    }

    @Test
    void servesAnEqualityOnTheLeadingFieldWithTheDocumentsHoldingThatValueInIdOrder() {
        Document query = new Document("status", "PENDING").append("leaseUntil", new Document("$lte", T0));

        assertThat(status.canHandle(query)).isTrue();
        assertThat(positions(status, query)).containsExactly("n-000", "n-010", "n-020", "n-030", "n-040", "n-050",
                "n-060", "n-070", "n-080", "n-090");
    }

    @Test
    void servesTheTermsOfAnAndAndAnInList() {
        Document and = new Document("$and", List.of(new Document("leaseUntil", new Document("$lte", T0)),
                new Document("status", "PENDING")));
        Document in = new Document("status", new Document("$in", List.of("PENDING", "NOPE")));

        assertThat(status.canHandle(and)).isTrue();
        assertThat(positions(status, and)).hasSize(10);
        assertThat(status.canHandle(in)).isTrue();
        assertThat(positions(status, in)).hasSize(10);
    }

    @Test
    void servesARangeWithTheValuesOfItsTypeOnlyNotTheDocumentsWithoutTheField() {
        Document query = new Document("due", new Document("$lte", T0.plusSeconds(9)));

        assertThat(due.canHandle(query)).isTrue();
        assertThat(positions(due, query)).containsExactly("n-000", "n-002", "n-004", "n-006", "n-008");
    }

    @Test
    void declinesAQueryOnAPlainIdOtherOperatorsAndASelectionOfMostOfTheCollection() {
        assertThat(status.canHandle(new Document("_id", "n-010").append("status", "PENDING"))).isFalse();
        assertThat(status.canHandle(new Document("status", new Document("$ne", "PENDING")))).isFalse();
        assertThat(status.canHandle(new Document("status", new Document("$exists", true)))).isFalse();
        assertThat(status.canHandle(new Document("status", new Document("$gt", 3)))).as("a range of numbers").isFalse();
        assertThat(status.canHandle(new Document("leaseUntil", new Document("$lte", T0)))).isFalse();
        for (int i = 100; i < 300; i++) {
            status.add(new Document("_id", "n-" + i).append("status", "DELIVERED"), "n-" + i, null);
        }
        assertThat(status.canHandle(new Document("status", "DELIVERED"))).as("290 of 300 documents").isFalse();
    }

    @Test
    void followsADocumentWhoseIndexedFieldChangesOrWhichIsRemoved() {
        Document before = new Document("_id", "n-001").append("status", "DELIVERED");
        Document after = new Document("_id", "n-001").append("status", "PENDING");
        status.updateInPlace(before, after, "n-001", null);
        assertThat(status.remove(new Document("_id", "n-000").append("status", "PENDING"))).isEqualTo("n-000");

        Document query = new Document("status", "PENDING");
        assertThat(status.canHandle(query)).isTrue();
        assertThat(positions(status, query)).contains("n-001").doesNotContain("n-000").hasSize(10);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private MVMap<KeyValue, Boolean> map(String name) {
        return store.openMap(name, new MVMap.Builder<KeyValue, Boolean>().keyType(IndexKeyType.INSTANCE));
    }

    private static List<Object> positions(LeadingKeyIndex index, Document query) {
        List<Object> positions = new ArrayList<>();
        index.getPositions(query).forEach(positions::add);
        return positions;
    }
}
