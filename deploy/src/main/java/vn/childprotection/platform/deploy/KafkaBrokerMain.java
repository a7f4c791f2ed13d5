package vn.childprotection.platform.deploy;

import org.apache.kafka.clients.admin.Admin;
import vn.childprotection.platform.areas.AreaMapsLoader;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link LocalKafkaBroker} until the process gets SIGTERM/SIGINT, then shuts the broker down cleanly.
 *
 * <pre>
 * java -cp 'deploy/target/deploy-0.1.0-SNAPSHOT.jar:deploy/target/lib/*' vn.childprotection.platform.deploy.KafkaBrokerMain \
 *     [--data-dir var/kafka] [--host 127.0.0.1] [--port 9092] [--controller-port 9093] [--set name=value]... [--ready-file FILE]
 * </pre>
 * Environment fallbacks: {@code KAFKA_DATA_DIR}, {@code KAFKA_HOST}, {@code KAFKA_PORT}, {@code KAFKA_CONTROLLER_PORT}, {@code KAFKA_READY_FILE}.
 * The ready file (if given) exists while the broker serves. With {@code --agency-directory FILE} the broker is
 * provisioned once it runs, before it is reported ready ({@link KafkaProvisioning}: every topic; with
 * {@code --principals FILE} on a secured broker also every principal's credential and ACLs).
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        LocalKafkaBroker.Settings settings;
        ReadyFile readyFile;
        Provisioning provisioning;
        try {
            options = Options.parse(args, System::getenv);
            if (options.help()) {
                System.out.println("""
                        usage: KafkaBrokerMain [--data-dir DIR] [--host HOST] [--port PORT] [--controller-port PORT]
                                               [--set broker.property=value]... [--ready-file FILE] [--tls-dir DIR]
                                               [--agency-directory FILE [--principals FILE]
                                                [--retention-intake P7D] [--retention-agency P30D]
                                                [--retention-dead-letter P30D]]
                          defaults: var/kafka, 127.0.0.1, 9092, 9093
                          env: KAFKA_DATA_DIR, KAFKA_HOST, KAFKA_PORT, KAFKA_CONTROLLER_PORT, KAFKA_TLS_DIR
                          secured (--tls-dir): KAFKA_KEYSTORE_PASSWORD, KAFKA_ADMIN_USER, KAFKA_ADMIN_PASSWORD,
                                               KAFKA_CONTROLLER_PASSWORD from the environment""");
                return;
            }
            settings = settings(options);
            provisioning = provisioning(options, settings);
            readyFile = ReadyFile.of(options.get("ready-file", "KAFKA_READY_FILE", null));
        } catch (IllegalArgumentException e) {
            System.err.println("KafkaBrokerMain: " + e.getMessage());
            System.exit(2);
            return;
        }
        LocalKafkaBroker broker = new LocalKafkaBroker(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (readyFile != null) {
                    readyFile.delete();
                }
                broker.stop();
            } finally {
                stopped.countDown();
            }
        }, "kafka-broker-shutdown"));
        try {
            broker.start();
        } catch (RuntimeException e) {
            System.err.println("KafkaBrokerMain: the broker did not start: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        if (provisioning != null) {
            try (Admin admin = Admin.create(broker.adminClientProperties())) {
                KafkaProvisioning.apply(admin, provisioning.topics(), provisioning.principals());
            } catch (RuntimeException e) {
                System.err.println("KafkaBrokerMain: provisioning failed: " + e.getMessage());
                broker.stop();
                System.exit(1);
            }
        }
        if (readyFile != null) {
            readyFile.write(broker.bootstrapServers());
        }
        System.out.println("READY kafka " + broker.bootstrapServers());
        stopped.await();
    }

    /** The topics to make and the principals to set up (none on an unsecured broker). */
    record Provisioning(List<KafkaProvisioning.TopicSpec> topics, Map<String, String> principals) {
    }

    static Provisioning provisioning(Options options, LocalKafkaBroker.Settings settings) {
        String directory = options.get("agency-directory", "KAFKA_AGENCY_DIRECTORY", null);
        if (directory == null) {
            return null;
        }
        String principalsFile = options.get("principals", "KAFKA_PRINCIPALS_FILE", null);
        if (principalsFile != null && settings.security() == null) {
            throw new IllegalArgumentException("--principals needs a secured broker (--tls-dir)");
        }
        Map<String, String> principals = principalsFile == null ? Map.of()
                : KafkaProvisioning.readPrincipals(Path.of(principalsFile));
        KafkaProvisioning.Retention defaults = KafkaProvisioning.Retention.DEFAULT;
        KafkaProvisioning.Retention retention = new KafkaProvisioning.Retention(
                duration(options, "retention-intake", "KAFKA_RETENTION_INTAKE", defaults.intake()),
                duration(options, "retention-agency", "KAFKA_RETENTION_AGENCY", defaults.agency()),
                duration(options, "retention-dead-letter", "KAFKA_RETENTION_DEAD_LETTER", defaults.deadLetter()));
        KafkaProvisioning.Settings topicSettings = new KafkaProvisioning.Settings(
                KafkaProvisioning.Settings.DEFAULT.partitions(), KafkaProvisioning.Settings.DEFAULT.agencyPartitions(),
                retention);
        return new Provisioning(KafkaProvisioning.topics(topicSettings,
                KafkaProvisioning.agencyProvincePairs(Path.of(directory), AreaMapsLoader.shipped())), principals);
    }

    private static Duration duration(Options options, String name, String env, Duration fallback) {
        String value = options.get(name, env, null);
        try {
            return value == null ? fallback : Duration.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("--" + name + " needs an ISO-8601 duration such as P7D, got: " + value);
        }
    }

    static LocalKafkaBroker.Settings settings(Options options) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String assignment : options.all("set")) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--set needs name=value, got: " + assignment);
            }
            overrides.put(assignment.substring(0, eq).trim(), assignment.substring(eq + 1).trim());
        }
        return new LocalKafkaBroker.Settings(
                options.get("host", "KAFKA_HOST", "127.0.0.1"),
                options.getInt("port", "KAFKA_PORT", 9092),
                options.getInt("controller-port", "KAFKA_CONTROLLER_PORT", 9093),
                Path.of(options.get("data-dir", "KAFKA_DATA_DIR", "var/kafka")),
                overrides,
                security(options));
    }

    /**
     * With {@code --tls-dir DIR} (or {@code KAFKA_TLS_DIR}) the broker runs secured: {@code DIR/broker.p12} and
     * {@code DIR/ca.pem}; the passwords only from the environment ({@code KAFKA_KEYSTORE_PASSWORD},
     * {@code KAFKA_ADMIN_PASSWORD}, {@code KAFKA_CONTROLLER_PASSWORD}), never from the command line, which other
     * users of the machine can read. The administrator's name is {@code KAFKA_ADMIN_USER} (default {@code admin}).
     */
    static LocalKafkaBroker.Security security(Options options) {
        String dir = options.get("tls-dir", "KAFKA_TLS_DIR", null);
        if (dir == null) {
            return null;
        }
        Path tls = Path.of(dir);
        return new LocalKafkaBroker.Security(tls.resolve("broker.p12"), options.secret("KAFKA_KEYSTORE_PASSWORD"),
                tls.resolve("ca.pem"), options.get("admin-user", "KAFKA_ADMIN_USER", "admin"),
                options.secret("KAFKA_ADMIN_PASSWORD"), options.secret("KAFKA_CONTROLLER_PASSWORD"));
    }
}
