package vn.childprotection.platform.deploy.bench;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The raw store baseline, the store's counterpart of the raw Kafka one: how many acknowledged commands a second the
 * store answers with nothing of the platform in between, in the mix the services send (insert a document, read it by
 * {@code _id}, update it by {@code _id}), from {@code clients} clients at once, one command in flight each as a
 * service's consumer thread has. Each client writes its own collection of the scratch database {@value #DATABASE},
 * which is dropped afterwards. Divided by the store commands one report costs (the services' driver metrics), it is
 * the highest report rate the store allows even if every other component were free.
 */
final class StoreBaseline {

    static final String DATABASE = "bench_raw";
    /** Commands each client sends before the measured window (connection set-up, the store's JIT). */
    private static final int WARM_UP_ROUNDS = 200;

    record Result(int clients, int documentBytes, long commands, double commandsPerSecond, double p50Ms,
                  double p99Ms) {
    }

    private StoreBaseline() {
    }

    /** @throws MongoException when the store does not answer (the caller reports the baseline as n/a) */
    static Result measure(String uri, int clients, int documentBytes, int seconds) throws InterruptedException {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.readTimeout(30, TimeUnit.SECONDS))
                .applicationName("bench")
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            var database = client.getDatabase(DATABASE);
            database.drop();
            try {
                String payload = "x".repeat(Math.max(0, documentBytes - 200));
                Recorder latencies = new Recorder(3);
                LongAdder commands = new LongAdder();
                List<RuntimeException> failures = new ArrayList<>();
                List<Thread> threads = new ArrayList<>();
                long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
                long end = start + TimeUnit.SECONDS.toNanos(seconds);
                for (int i = 0; i < clients; i++) {
                    MongoCollection<Document> collection = database.getCollection("raw_" + i);
                    threads.add(Thread.ofPlatform().name("bench-store-" + i).start(() -> {
                        try {
                            run(collection, payload, start, end, latencies, commands);
                        } catch (RuntimeException e) {
                            synchronized (failures) {
                                failures.add(e);
                            }
                        }
                    }));
                }
                for (Thread thread : threads) {
                    thread.join();
                }
                if (!failures.isEmpty()) {
                    throw failures.getFirst();
                }
                Histogram h = latencies.getIntervalHistogram();
                double measured = (end - start) / 1e9;
                return new Result(clients, documentBytes, commands.sum(), commands.sum() / measured,
                        h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6);
            } finally {
                database.drop();
            }
        }
    }

    private static void run(MongoCollection<Document> collection, String payload, long start, long end,
                            Recorder latencies, LongAdder commands) {
        for (int round = 0; ; round++) {
            long now = System.nanoTime();
            boolean measured = round >= WARM_UP_ROUNDS && now >= start;
            if (now >= end) {
                if (round >= WARM_UP_ROUNDS) {
                    return;
                }
                measured = false; // a slow warm-up: finish it, count nothing
            }
            String id = UUID.randomUUID().toString();
            Document document = new Document("_id", id)
                    .append("status", "OPEN")
                    .append("provinceCode", "01")
                    .append("receivedAt", new Date())
                    .append("version", 0L)
                    .append("payload", payload);
            long t0 = System.nanoTime();
            collection.insertOne(document);
            long t1 = System.nanoTime();
            collection.find(Filters.eq("_id", id)).first();
            long t2 = System.nanoTime();
            collection.updateOne(Filters.eq("_id", id),
                    Updates.combine(Updates.set("status", "ROUTED"), Updates.inc("version", 1)));
            long t3 = System.nanoTime();
            if (measured && t3 <= end) {
                latencies.recordValue(t1 - t0);
                latencies.recordValue(t2 - t1);
                latencies.recordValue(t3 - t2);
                commands.add(3);
            }
        }
    }
}
