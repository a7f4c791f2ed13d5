package vn.childprotection.platform.deploy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store stand-in's own indexes: its non-unique indexes answer exactly as a scan would, and its unique
 * indexes keep their constraint, also in a store file written before they changed.
 */
class StoreIndexesIT {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void queriesANonUniqueIndexCanServeAnswerExactlyAsAScanOfTheSameDocuments() {
        try (LocalMongoStore store = new LocalMongoStore(new LocalMongoStore.Settings("127.0.0.1", 0, null)).start();
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> indexed = client.getDatabase("t").getCollection("indexed");
            MongoCollection<Document> scanned = client.getDatabase("t").getCollection("scanned");
            indexed.createIndex(Indexes.ascending("status", "due"));
            indexed.createIndex(Indexes.ascending("due"), new IndexOptions().sparse(true));
            indexed.createIndex(Indexes.ascending("pending", "openedAt"));
            indexed.createIndex(Indexes.ascending("referrals.referralId"));
            indexed.createIndex(Indexes.ascending("n"));

            Random random = new Random(6);
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                documents.add(randomDocument(random, i));
            }
            indexed.insertMany(documents.stream().map(Document::new).toList());
            scanned.insertMany(documents.stream().map(Document::new).toList());

            assertSameAnswers(indexed, scanned);

            // the indexed fields change under updates, replacements and deletes; the answers stay a scan's
            for (int i = 0; i < 150; i++) {
                String id = "doc-" + random.nextInt(400);
                Bson change = switch (i % 4) {
                    case 0 -> new Document("$set", new Document("status", pick(random, "PENDING", "DELIVERED", "FAILED")));
                    case 1 -> new Document("$unset", new Document("due", ""));
                    case 2 -> new Document("$set", new Document("due", Date.from(T0.plusSeconds(random.nextInt(1000))))
                            .append("pending", random.nextBoolean()));
                    default -> new Document("$set", new Document("n", random.nextInt(20)));
                };
                indexed.updateOne(eq("_id", id), change);
                scanned.updateOne(eq("_id", id), change);
            }
            for (int i = 0; i < 30; i++) {
                Document replacement = randomDocument(random, random.nextInt(400));
                indexed.replaceOne(eq("_id", replacement.get("_id")), new Document(replacement));
                scanned.replaceOne(eq("_id", replacement.get("_id")), new Document(replacement));
            }
            indexed.deleteMany(eq("status", "FAILED"));
            scanned.deleteMany(eq("status", "FAILED"));
            indexed.updateMany(eq("pending", true), new Document("$set", new Document("touched", true)));
            scanned.updateMany(eq("pending", true), new Document("$set", new Document("touched", true)));

            assertSameAnswers(indexed, scanned);
            assertThat(indexed.countDocuments(eq("touched", true))).isEqualTo(scanned.countDocuments(eq("touched", true)))
                    .isPositive();
        }
    }

    @Test
    void aNonUniqueIndexIsKeptWithTheDocumentsAcrossARestart() {
        LocalMongoStore.Settings settings = new LocalMongoStore.Settings("127.0.0.1", 0, tmp.resolve("store.mv"));
        try (LocalMongoStore store = new LocalMongoStore(settings).start();
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> cases = client.getDatabase("t").getCollection("cases");
            cases.createIndex(Indexes.ascending("pending", "openedAt"));
            for (int i = 0; i < 50; i++) {
                cases.insertOne(new Document("_id", "case-" + i).append("pending", i % 5 == 0));
            }
        }
        try (LocalMongoStore store = new LocalMongoStore(settings).start();
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> cases = client.getDatabase("t").getCollection("cases");
            assertThat(cases.countDocuments(eq("pending", true))).isEqualTo(10);
            cases.updateOne(eq("_id", "case-0"), new Document("$set", new Document("pending", false)));
            assertThat(cases.find(eq("pending", true)).map(d -> d.getString("_id")).into(new ArrayList<>()))
                    .hasSize(9).doesNotContain("case-0");
        }
    }

    @Test
    void uniqueIndexesRejectADuplicateWhateverTheNumberTypeOfTheKey() {
        try (LocalMongoStore store = new LocalMongoStore(new LocalMongoStore.Settings("127.0.0.1", 0, null)).start();
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("t").getCollection("events");
            events.createIndex(Indexes.ascending("sequence", "source"), new IndexOptions().unique(true));
            events.insertOne(new Document("_id", "a").append("sequence", 1).append("source", "intake"));
            events.insertOne(new Document("_id", "b").append("sequence", 1).append("source", "referral"));

            assertThat(duplicateKey(() -> events.insertOne(new Document("_id", "a")))).isTrue();
            assertThat(duplicateKey(() -> events.insertOne(
                    new Document("_id", "c").append("sequence", 1.0).append("source", "intake")))).isTrue();
            assertThat(duplicateKey(() -> events.insertOne(
                    new Document("_id", "d").append("sequence", 1L).append("source", "referral")))).isTrue();
            assertThat(events.find(eq("_id", "b")).first()).isNotNull();
            assertThat(events.countDocuments()).isEqualTo(2);
        }
    }

    @Test
    void aStoreFileWrittenWithTheOldIndexOrderOpensWithItsKeysAndConstraintsIntact() {
        Path file = tmp.resolve("legacy.mv");
        MongoServer legacy = new MongoServer(new H2Backend(new MVStore.Builder().fileName(file.toString()).open()));
        String uri = "mongodb://127.0.0.1:" + legacy.bind().getPort();
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> reports = client.getDatabase("intake").getCollection("reports");
            reports.createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true));
            reports.createIndex(Indexes.ascending("status"));
            for (int i = 0; i < 300; i++) {
                reports.insertOne(new Document("_id", "report-" + i).append("eventId", "event-" + i)
                        .append("status", i % 30 == 0 ? "NEW" : "ROUTED"));
            }
        } finally {
            legacy.shutdown();
        }

        try (LocalMongoStore store = new LocalMongoStore(new LocalMongoStore.Settings("127.0.0.1", 0, file)).start();
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> reports = client.getDatabase("intake").getCollection("reports");
            assertThat(reports.countDocuments()).isEqualTo(300);
            assertThat(reports.find(eq("_id", "report-123")).first()).containsEntry("eventId", "event-123");
            assertThat(reports.find(eq("eventId", "event-299")).first()).containsEntry("_id", "report-299");
            // the non-unique index the old store ignored is built from the documents when it first opens here
            assertThat(reports.find(eq("status", "NEW")).map(d -> d.getString("_id")).into(new ArrayList<>()))
                    .containsExactlyInAnyOrder("report-0", "report-30", "report-60", "report-90", "report-120",
                            "report-150", "report-180", "report-210", "report-240", "report-270");
            assertThat(duplicateKey(() -> reports.insertOne(new Document("_id", "report-7")))).isTrue();
            assertThat(duplicateKey(() -> reports.insertOne(
                    new Document("_id", "report-new").append("eventId", "event-7")))).isTrue();
        }
    }

    private static void assertSameAnswers(MongoCollection<Document> indexed, MongoCollection<Document> scanned) {
        Date at = Date.from(T0.plusSeconds(500));
        List<Bson> filters = List.of(
                eq("status", "PENDING"),
                and(eq("status", "PENDING"), lte("due", at), ne("channel", "RECORDED")),
                in("status", List.of("PENDING", "FAILED", "NOPE")),
                lte("due", at),
                and(gt("due", Date.from(T0.plusSeconds(100))), lt("due", at)),
                gte("due", at),
                and(eq("pending", true), or(eq("leaseUntil", null), lt("leaseUntil", at))),
                eq("pending", false),
                eq("referrals.referralId", "ref-17-1"),
                eq("n", 7),
                eq("n", 7.0),
                and(gte("n", 5), lt("n", 12.5)),
                eq("status", "NO-SUCH-STATUS"),
                and(eq("_id", "doc-3"), eq("status", "PENDING")),
                and(eq("_id", "doc-4"), eq("pending", false)));
        for (Bson filter : filters) {
            assertThat(ids(indexed, filter, null)).as("ids for %s", filter).isEqualTo(ids(scanned, filter, null));
            Bson sort = Sorts.ascending("due", "_id");
            assertThat(ids(indexed, filter, sort)).as("sorted ids for %s", filter).isEqualTo(ids(scanned, filter, sort));
            assertThat(indexed.countDocuments(filter)).isEqualTo(scanned.countDocuments(filter));
            // a sorted query with a limit keeps its first matches as it reads (TopK): the same as the whole sort's
            for (Bson order : List.of(Sorts.ascending("due"), Sorts.descending("n"))) {
                List<String> wholeSort = scanned.find(filter).sort(order).map(d -> d.getString("_id"))
                        .into(new ArrayList<>());
                List<String> window = wholeSort.subList(Math.min(3, wholeSort.size()),
                        Math.min(13, wholeSort.size()));
                for (MongoCollection<Document> collection : List.of(indexed, scanned)) {
                    assertThat(collection.find(filter).sort(order).skip(3).limit(10).map(d -> d.getString("_id"))
                            .into(new ArrayList<>())).as("%s sorted by %s, skip 3, limit 10", filter, order)
                            .isEqualTo(window);
                }
            }
            // an aggregation starts from its $match answered as a query
            List<Bson> pipeline = List.of(com.mongodb.client.model.Aggregates.match(filter),
                    com.mongodb.client.model.Aggregates.group("$channel", com.mongodb.client.model.Accumulators.sum("n", 1)),
                    com.mongodb.client.model.Aggregates.sort(Sorts.ascending("_id")));
            assertThat(indexed.aggregate(pipeline).into(new ArrayList<>())).as("groups for %s", filter)
                    .isEqualTo(scanned.aggregate(pipeline).into(new ArrayList<>()));
        }
    }

    private static List<String> ids(MongoCollection<Document> collection, Bson filter, Bson sort) {
        var found = collection.find(filter);
        if (sort != null) {
            found = found.sort(sort).limit(25);
        }
        return found.map(d -> d.getString("_id")).into(new ArrayList<>());
    }

    private static Document randomDocument(Random random, int i) {
        Document document = new Document("_id", "doc-" + i)
                .append("status", pick(random, "PENDING", "PENDING", "DELIVERED", "FAILED"))
                .append("channel", pick(random, "RECORDED", "SMS", "EMAIL"))
                .append("pending", random.nextInt(10) == 0)
                .append("openedAt", Date.from(T0.plusSeconds(i)))
                .append("n", random.nextBoolean() ? (Object) random.nextInt(20) : (Object) (random.nextInt(40) / 2.0))
                .append("referrals", List.of(new Document("referralId", "ref-" + i + "-1"),
                        new Document("referralId", "ref-" + i + "-2")));
        if (random.nextInt(3) > 0) {
            document.append("due", Date.from(T0.plusSeconds(random.nextInt(1000))));
        }
        if (random.nextBoolean()) {
            document.append("leaseUntil", random.nextBoolean() ? null : Date.from(T0.plusSeconds(random.nextInt(1000))));
        }
        return document;
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }

    private static boolean duplicateKey(Runnable write) {
        try {
            write.run();
            return false;
        } catch (MongoWriteException e) {
            return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
    }
}
