package vn.childprotection.platform.deploy;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

/**
 * What the four services ask of the store under a burst, from several clients at once: inserts into indexed
 * collections, optimistic updates by {@code {_id, version}}, claims ({@code findOneAndUpdate} sorted by a due date),
 * polls sorted with a limit, look-ups and counts by a secondary field, ledger upserts, deletes, and a projection
 * rebuild's pattern (a new collection filled with {@code insertMany}, indexed, the previous one dropped). Every
 * insert the store acknowledged is remembered, so that a test can check afterwards — after a restart or a kill — that
 * each one is still there.
 */
final class StoreWorkload {

    static final List<String> DATABASES = List.of("intake", "referral", "notification", "reporting");
    private static final String PADDING = "Hàng xóm nghe thấy tiếng kêu cứu của cháu bé vào ban đêm. ".repeat(20);

    private final MongoClient client;
    private final long seed;
    /** namespace → ids of the documents inserted and acknowledged (and not deleted since). */
    private final Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
    private final AtomicLong operations = new AtomicLong();
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    /** database/client → the projection generation that client filled last. */
    private final Map<String, String> generations = new ConcurrentHashMap<>();

    StoreWorkload(MongoClient client, long seed) {
        this.client = client;
        this.seed = seed;
        for (String database : DATABASES) {
            MongoCollection<Document> items = items(database);
            items.createIndex(Indexes.ascending("caseId"));
            items.createIndex(Indexes.ascending("status", "due"));
            items.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true).sparse(true));
        }
    }

    /**
     * Runs {@code clients} threads until each did {@code operationsPerClient} operations, {@link #stop()} is called
     * or a command fails (with {@code stopOnFailure}); returns the first failure, if any.
     */
    Throwable run(int clients, int operationsPerClient, boolean stopOnFailure) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(Thread.ofPlatform().name("store-workload-" + c).start(() -> {
                Random random = new Random(seed * 31 + client);
                for (int i = 0; i < operationsPerClient && !stopping.get(); i++) {
                    try {
                        step(random, client, i);
                        operations.incrementAndGet();
                    } catch (MongoException | IllegalStateException e) {
                        firstFailure.compareAndSet(null, e);
                        if (stopOnFailure) {
                            stopping.set(true);
                        }
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return firstFailure.get();
    }

    void stop() {
        stopping.set(true);
    }

    long operations() {
        return operations.get();
    }

    /** namespace → the acknowledged ids still expected there. */
    Map<String, Set<String>> acknowledged() {
        return acknowledged;
    }

    /** Ids expected in a namespace but missing from the store. */
    List<String> missing(MongoClient reader) {
        List<String> missing = new ArrayList<>();
        acknowledged.forEach((namespace, ids) -> {
            String[] parts = namespace.split("\\.", 2);
            Set<String> present = ConcurrentHashMap.newKeySet();
            reader.getDatabase(parts[0]).getCollection(parts[1]).find().projection(new Document("_id", 1))
                    .forEach(d -> present.add(String.valueOf(d.get("_id"))));
            for (String id : ids) {
                if (!present.contains(id)) {
                    missing.add(namespace + "/" + id);
                }
            }
        });
        return missing;
    }

    private void step(Random random, int client, int i) {
        String database = DATABASES.get(random.nextInt(DATABASES.size()));
        MongoCollection<Document> items = items(database);
        String caseId = "case-" + random.nextInt(2_000);
        Date now = new Date();
        int op = random.nextInt(100);
        if (op < 35) {
            String id = "s" + seed + "-c" + client + "-" + i;
            Document item = new Document("_id", id).append("caseId", caseId).append("status", "PENDING")
                    .append("due", new Date(now.getTime() - random.nextInt(5_000))).append("version", 0)
                    .append("tags", List.of("t" + random.nextInt(5), "t" + random.nextInt(5)))
                    .append("narrative", PADDING);
            if (random.nextInt(4) > 0) { // the sparse unique index leaves out documents without the field
                item.append("key", id + "-key");
            }
            items.insertOne(item);
            remember(database, "items", id);
        } else if (op < 55) {
            Document some = items.find(eq("caseId", caseId)).limit(1).first();
            if (some != null) {
                items.updateOne(and(eq("_id", some.get("_id")), eq("version", some.get("version"))),
                        Updates.combine(Updates.set("status", random.nextBoolean() ? "DELIVERED" : "PENDING"),
                                Updates.set("due", new Date(now.getTime() + random.nextInt(5_000))),
                                Updates.inc("version", 1)));
            }
        } else if (op < 65) {
            items.findOneAndUpdate(and(eq("status", "PENDING"), lte("due", now)),
                    Updates.combine(Updates.set("due", new Date(now.getTime() + 30_000)), Updates.inc("version", 1)),
                    new FindOneAndUpdateOptions().sort(Sorts.ascending("due")).returnDocument(ReturnDocument.AFTER));
        } else if (op < 75) {
            items.find(and(eq("status", "PENDING"), lte("due", now))).sort(Sorts.ascending("due")).limit(100)
                    .into(new ArrayList<>());
        } else if (op < 82) {
            items.countDocuments(eq("status", "DELIVERED"));
        } else if (op < 95) {
            String eventId = "e-" + random.nextInt(50_000);
            client(database).getCollection("processed_events").updateOne(eq("_id", eventId),
                    Updates.setOnInsert("at", now), new UpdateOptions().upsert(true));
        } else if (op < 99) {
            Document some = items.find(eq("caseId", caseId)).limit(1).first();
            if (some != null && items.deleteOne(eq("_id", some.get("_id"))).getDeletedCount() == 1) {
                forget(database, "items", String.valueOf(some.get("_id")));
            }
        } else {
            rebuild(database, client, i);
        }
    }

    /** The projection rebuild's pattern: fill a new generation, index it, drop the one before. */
    private void rebuild(String database, int client, int i) {
        MongoDatabase db = client(database);
        String generation = "facts_" + client + "_" + i;
        List<Document> facts = new ArrayList<>();
        for (int n = 0; n < 200; n++) {
            facts.add(new Document("_id", generation + "-" + n).append("caseId", "case-" + n)
                    .append("province", "11").append("count", n));
        }
        db.getCollection(generation).insertMany(facts);
        db.getCollection(generation).createIndex(Indexes.ascending("province"));
        String previous = generations.put(database + "/" + client, generation);
        if (previous != null) {
            db.getCollection(previous).drop();
        }
    }

    private void remember(String database, String collection, String id) {
        acknowledged.computeIfAbsent(database + "." + collection, n -> ConcurrentHashMap.newKeySet()).add(id);
    }

    private void forget(String database, String collection, String id) {
        Set<String> ids = acknowledged.get(database + "." + collection);
        if (ids != null) {
            ids.remove(id);
        }
    }

    private MongoCollection<Document> items(String database) {
        return client(database).getCollection("items");
    }

    private MongoDatabase client(String database) {
        return client.getDatabase(database);
    }
}
