package vn.childprotection.platform.deploy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The store stand-in on its file, as {@code ./platform} runs it, driven by many clients at once the way the services
 * drive it under a burst ({@link StoreWorkload}). Under such a load H2's MVStore, shared by concurrent writers while
 * its background thread committed and compacted chunks, lost chunks that the maps still referenced ("Chunk N not
 * found") and then closed itself, failing every command after it; and it acknowledged writes it had not yet written
 * to its file, which a killed process lost.
 *
 * <p>Sized for the build (about 24,000 operations). The store as it was failed both: the kill lost 19 of 1,064
 * acknowledged inserts, and with {@code -Dstore.burst.clients=32 -Dstore.burst.operations=40000} a scan met "Chunk
 * 7826 not found" after 128,572 operations (577 s) on this machine; the failure needs a long run, which is why the
 * build runs the short one and the deploy README the long one.
 */
class StoreUnderBurstIT {

    private static final int CLIENTS = Integer.getInteger("store.burst.clients", 12);
    private static final int OPERATIONS_PER_CLIENT = Integer.getInteger("store.burst.operations", 2_000);

    @TempDir
    Path tmp;

    @Test
    void manyClientsWritingAtOnceGetEveryCommandAnsweredAndEveryAcknowledgedInsertSurvivesARestart() throws Exception {
        Path file = tmp.resolve("store.mv");
        LocalMongoStore.Settings settings = new LocalMongoStore.Settings("127.0.0.1", 0, file, false);
        StoreWorkload workload;
        Throwable failure;
        LocalMongoStore.Health health;
        try (LocalMongoStore store = new LocalMongoStore(settings).start();
             MongoClient client = MongoClients.create(store.connectionString())) {
            workload = new StoreWorkload(client, 15);
            failure = workload.run(CLIENTS, OPERATIONS_PER_CLIENT, true);
            health = store.health(Duration.ofSeconds(10));
        }
        assertThat(failure).as("the first failed command, after %d operations", workload.operations()).isNull();
        assertThat(workload.operations()).isEqualTo((long) CLIENTS * OPERATIONS_PER_CLIENT);
        assertThat(health.up()).as("health after the burst: %s", health).isTrue();
        assertThat(health.statistics().commits()).isPositive();
        assertThat(health.fileFill()).as("file fill %%").isBetween(1, 100);
        assertThat(health.chunksFill()).as("chunks fill %%").isBetween(1, 100);

        try (LocalMongoStore reopened = new LocalMongoStore(settings).start();
             MongoClient reader = MongoClients.create(reopened.connectionString())) {
            List<String> missing = workload.missing(reader);
            assertThat(missing).as("acknowledged inserts missing after a restart").isEmpty();
        }
    }

    @Test
    void everyWriteTheStoreAcknowledgedIsThereAfterTheStoreIsKilledMidBurst() throws Exception {
        Path file = tmp.resolve("killed/store.mv");
        int port = freePort();
        InfraProcess store = new InfraProcess("mongo", MongoStandInMain.class, List.of("--store", file.toString(),
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--health-port", "0", "--oplog", "off"),
                tmp.resolve("mongo.ready"), tmp.resolve("mongo.log"));
        store.start(Duration.ofMinutes(2));
        StoreWorkload workload;
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port
                + "/?serverSelectionTimeoutMS=2000&connectTimeoutMS=2000")) {
            workload = new StoreWorkload(client, 16);
            AtomicReference<Throwable> ended = new AtomicReference<>();
            Thread load = Thread.ofPlatform().start(() -> {
                try {
                    workload.run(CLIENTS, Integer.MAX_VALUE, false);
                } catch (InterruptedException e) {
                    ended.set(e);
                }
            });
            await("a burst under way").atMost(Duration.ofMinutes(2)).until(() -> workload.operations() >= 3_000);
            store.kill(); // SIGKILL: no shutdown hook, no last commit
            await("the store gone").atMost(Duration.ofSeconds(30)).until(() -> !store.alive());
            workload.stop();
            load.join();
            assertThat(ended.get()).isNull();
        } finally {
            store.kill();
        }
        long acknowledged = workload.acknowledged().values().stream().mapToLong(java.util.Set::size).sum();
        assertThat(acknowledged).as("inserts acknowledged before the kill").isPositive();

        store.start(Duration.ofMinutes(2));
        try (MongoClient reader = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            assertThat(workload.missing(reader)).as("acknowledged inserts (of %d) missing after the kill",
                    acknowledged).isEmpty();
        } finally {
            store.stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
