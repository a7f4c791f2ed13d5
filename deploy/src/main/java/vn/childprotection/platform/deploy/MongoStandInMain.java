package vn.childprotection.platform.deploy;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link LocalMongoStore} until SIGTERM/SIGINT, then closes the H2 store cleanly.
 *
 * <pre>
 * java -cp 'deploy/target/deploy-0.1.0-SNAPSHOT.jar:deploy/target/lib/*' vn.childprotection.platform.deploy.MongoStandInMain \
 *     [--store var/mongo/store.mv] [--host 127.0.0.1] [--port 27017] [--ready-file FILE]
 * </pre>
 * Environment fallbacks: {@code MONGO_STORE}, {@code MONGO_HOST}, {@code MONGO_PORT}, {@code MONGO_OPLOG},
 * {@code MONGO_CACHE_MB}, {@code MONGO_READY_FILE}. {@code --oplog off} (./platform's default) leaves out the oplog (change streams), which
 * otherwise serialises every write of every database.
 * The ready file (if given) exists while the store serves.
 */
public final class MongoStandInMain {

    private MongoStandInMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalMongoStore.Settings settings;
        ReadyFile readyFile;
        try {
            Options options = Options.parse(args, System::getenv);
            if (options.help()) {
                System.out.println("""
                        usage: MongoStandInMain [--store FILE] [--host HOST] [--port PORT] [--oplog on|off] [--cache-mb MB]
                                                [--ready-file FILE]
                          defaults: var/mongo/store.mv, 127.0.0.1, 27017, on, 256
                          env: MONGO_STORE, MONGO_HOST, MONGO_PORT, MONGO_OPLOG, MONGO_CACHE_MB""");
                return;
            }
            settings = new LocalMongoStore.Settings(
                    options.get("host", "MONGO_HOST", "127.0.0.1"),
                    options.getInt("port", "MONGO_PORT", 27017),
                    Path.of(options.get("store", "MONGO_STORE", "var/mongo/store.mv")),
                    oplog(options.get("oplog", "MONGO_OPLOG", "on")),
                    options.getInt("cache-mb", "MONGO_CACHE_MB", LocalMongoStore.Settings.DEFAULT_CACHE_MB));
            readyFile = ReadyFile.of(options.get("ready-file", "MONGO_READY_FILE", null));
        } catch (IllegalArgumentException e) {
            System.err.println("MongoStandInMain: " + e.getMessage());
            System.exit(2);
            return;
        }
        LocalMongoStore store = new LocalMongoStore(settings);
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
        if (readyFile != null) {
            readyFile.write(store.connectionString());
        }
        System.out.println("READY mongo " + store.connectionString());
        stopped.await();
    }

    static boolean oplog(String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new IllegalArgumentException("--oplog (or MONGO_OPLOG) must be on or off, got: " + value);
        };
    }
}
