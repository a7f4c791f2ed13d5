package vn.childprotection.platform.deploy;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The MongoDB-wire stand-in for a developer machine: {@code mongo-java-server} with its H2 (MVStore) file backend,
 * so data survives a restart, and the oplog on (change streams). Not MongoDB: no multi-document transactions, no
 * {@code $text}, TTL and non-unique indexes ignored (see the README).
 */
public final class LocalMongoStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalMongoStore.class);

    /**
     * @param host      address to bind (loopback by default)
     * @param port      port to bind; 0 picks a free one
     * @param storeFile the H2 MVStore file, e.g. {@code var/mongo/store.mv}; {@code null} keeps everything in memory
     */
    public record Settings(String host, int port, Path storeFile) {
        public Settings {
            storeFile = storeFile == null ? null : storeFile.toAbsolutePath().normalize();
        }
    }

    private final Settings settings;
    private MongoServer server;
    private H2Backend backend;
    private InetSocketAddress address;

    public LocalMongoStore(Settings settings) {
        this.settings = settings;
    }

    public synchronized LocalMongoStore start() {
        if (server != null) {
            return this;
        }
        long started = System.nanoTime();
        H2Backend h2;
        if (settings.storeFile() == null) {
            h2 = new Backend(new MVStore.Builder().open());
        } else {
            try {
                Files.createDirectories(settings.storeFile().getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            h2 = new Backend(settings.storeFile().toString());
        }
        MongoServer mongo = new MongoServer(h2);
        mongo.enableOplog();
        try {
            mongo.bind(settings.host(), settings.port());
        } catch (RuntimeException e) {
            h2.close();
            throw e;
        }
        backend = h2;
        server = mongo;
        address = mongo.getLocalAddress();
        log.info("MongoDB stand-in (mongo-java-server, H2 {}, oplog on) listening on {}, started in {} ms",
                settings.storeFile() == null ? "in memory" : settings.storeFile(), connectionString(),
                (System.nanoTime() - started) / 1_000_000);
        return this;
    }

    /** {@code mongodb://host:port} (no database: each service picks its own). */
    public synchronized String connectionString() {
        if (address == null) {
            throw new IllegalStateException("not started");
        }
        return "mongodb://" + settings.host() + ":" + address.getPort();
    }

    public synchronized int port() {
        if (address == null) {
            throw new IllegalStateException("not started");
        }
        return address.getPort();
    }

    /** Stops accepting connections, closes the open ones and closes the H2 store (commit + file close). Idempotent. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        long stopping = System.nanoTime();
        try {
            server.shutdown(); // closes the backend too
        } finally {
            backend.close(); // idempotent; makes sure the MVStore file is committed and closed
            server = null;
            backend = null;
        }
        log.info("MongoDB stand-in on port {} stopped in {} ms", address.getPort(),
                (System.nanoTime() - stopping) / 1_000_000);
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * The H2 backend, answering {@code hello} too: mongo-java-server 1.47 knows only the legacy {@code isMaster},
     * while MongoDB 5+ clients — among them Spring Boot's {@code MongoHealthIndicator}, which then reports DOWN —
     * send {@code hello}. The answer is {@code isMaster}'s plus {@code isWritablePrimary}.
     */
    private static final class Backend extends H2Backend {

        Backend(MVStore store) {
            super(store);
        }

        Backend(String fileName) {
            super(fileName);
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            if ("hello".equalsIgnoreCase(command)) {
                Document answer = super.handleCommand(channel, database, "isMaster", new Document("isMaster", 1));
                answer.put("isWritablePrimary", Boolean.TRUE);
                return answer;
            }
            return super.handleCommand(channel, database, command, query);
        }
    }
}
