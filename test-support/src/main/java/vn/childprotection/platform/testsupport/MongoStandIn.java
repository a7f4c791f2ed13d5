package vn.childprotection.platform.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.UUID;

/**
 * The MongoDB stand-in for integration tests: mongo-java-server in memory with the oplog on (change streams), on a
 * free loopback port, one per test JVM. Each caller gets its own database so test classes do not see each other.
 */
public final class MongoStandIn {

    private static MongoServer server;

    private MongoStandIn() {
    }

    public static synchronized String uri() {
        if (server == null) {
            MemoryBackend backend = new MemoryBackend();
            backend.enableOplog();
            server = new MongoServer(backend);
            server.bind("127.0.0.1", 0);
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-stand-in-stop"));
        }
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    }

    /** Registers {@code spring.mongodb.uri} (with a fresh database) for a Spring test context. */
    public static void register(DynamicPropertyRegistry registry) {
        String database = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        registry.add("spring.mongodb.uri", () -> uri() + "/" + database);
        registry.add("spring.mongodb.database", () -> database);
    }
}
