package vn.childprotection.platform.deploy;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link LocalMongoStore} until SIGTERM/SIGINT, then closes the H2 store cleanly.
 *
 * <pre>
 * java -cp 'deploy/target/deploy-0.1.0-SNAPSHOT.jar:deploy/target/lib/*' vn.childprotection.platform.deploy.MongoStandInMain \
 *     [--store var/mongo/store.mv] [--host 127.0.0.1] [--port 27017] [--health-port 28017] [--ready-file FILE]
 * </pre>
 * Environment fallbacks: {@code MONGO_STORE}, {@code MONGO_HOST}, {@code MONGO_PORT}, {@code MONGO_HEALTH_PORT},
 * {@code MONGO_OPLOG}, {@code MONGO_CACHE_MB}, {@code MONGO_READY_FILE}. {@code --oplog off} (./platform's default)
 * leaves out the oplog (change streams), which otherwise serialises every write of every database.
 * The ready file (if given) exists while the store serves.
 *
 * <p>{@code GET http://HOST:HEALTH_PORT/health} answers {@code 200 {"status":"UP",...}} while the store commits what
 * it is given, {@code 503 {"status":"DOWN","reason":...}} when writes wait too long for their commit ({@code 0}
 * turns the endpoint off). When a commit fails the store cannot go on (H2 closes itself): the process logs why and
 * exits with status 70, so that {@code ./platform status} shows it stopped and {@code ./platform start mongo}
 * recovers it from its last commit.
 */
public final class MongoStandInMain {

    private MongoStandInMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalMongoStore.Settings settings;
        ReadyFile readyFile;
        int healthPort;
        try {
            Options options = Options.parse(args, System::getenv);
            if (options.help()) {
                System.out.println("""
                        usage: MongoStandInMain [--store FILE] [--host HOST] [--port PORT] [--health-port PORT]
                                                [--oplog on|off] [--cache-mb MB] [--ready-file FILE]
                          defaults: var/mongo/store.mv, 127.0.0.1, 27017, 28017 (0: none), on, 256
                          env: MONGO_STORE, MONGO_HOST, MONGO_PORT, MONGO_HEALTH_PORT, MONGO_OPLOG, MONGO_CACHE_MB""");
                return;
            }
            settings = new LocalMongoStore.Settings(
                    options.get("host", "MONGO_HOST", "127.0.0.1"),
                    options.getInt("port", "MONGO_PORT", 27017),
                    Path.of(options.get("store", "MONGO_STORE", "var/mongo/store.mv")),
                    oplog(options.get("oplog", "MONGO_OPLOG", "on")),
                    options.getInt("cache-mb", "MONGO_CACHE_MB", LocalMongoStore.Settings.DEFAULT_CACHE_MB));
            readyFile = ReadyFile.of(options.get("ready-file", "MONGO_READY_FILE", null));
            healthPort = options.getInt("health-port", "MONGO_HEALTH_PORT", 28017);
        } catch (IllegalArgumentException e) {
            System.err.println("MongoStandInMain: " + e.getMessage());
            System.exit(2);
            return;
        }
        LocalMongoStore store = new LocalMongoStore(settings, failure -> {
            if (readyFile != null) {
                readyFile.delete();
            }
            System.err.println("MongoStandInMain: the store failed and stops; `./platform start mongo` recovers it "
                    + "from its last commit: " + failure);
            Runtime.getRuntime().halt(70); // no shutdown hook: closing a failed H2 store would only fail again
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (readyFile != null) {
                    readyFile.delete();
                }
                store.stop();
            } finally {
                stopped.countDown();
            }
        }, "mongo-stand-in-shutdown"));
        try {
            store.start();
        } catch (RuntimeException e) {
            System.err.println("MongoStandInMain: the store did not start: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        if (healthPort > 0) {
            try {
                serveHealth(store, settings.host(), healthPort);
            } catch (UncheckedIOException e) {
                System.err.println("MongoStandInMain: the health endpoint could not start: " + e.getCause());
                store.stop();
                System.exit(1);
            }
        }
        if (readyFile != null) {
            readyFile.write(store.connectionString());
        }
        System.out.println("READY mongo " + store.connectionString());
        stopped.await();
    }

    /** Writes waiting longer than this for their commit make the store DOWN. */
    static final Duration STALLED_AFTER = Duration.ofSeconds(10);

    /** {@code GET /health}: the store's {@link LocalMongoStore#health}, 200 when UP, 503 when DOWN. */
    static HttpServer serveHealth(LocalMongoStore store, String host, int port) {
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(host, port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.createContext("/health", exchange -> {
            try (exchange) {
                if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                LocalMongoStore.Health health = store.health(STALLED_AFTER);
                byte[] body = health.toJson().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(health.up() ? 200 : 503, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        http.setExecutor(null); // the server's own thread: a health check is a few field reads
        http.start();
        return http;
    }

    static boolean oplog(String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new IllegalArgumentException("--oplog (or MONGO_OPLOG) must be on or off, got: " + value);
        };
    }
}
