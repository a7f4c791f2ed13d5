package vn.childprotection.platform.deploy;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A real Apache Kafka broker (the Central jars, {@code kafka_2.13}) in KRaft mode: one process that is both broker
 * and controller (node id 1), for a developer machine or a test JVM.
 *
 * <p>On first start the data directory is formatted like {@code kafka-storage.sh format} does (a fresh cluster id,
 * written to {@code meta.properties} and so kept across restarts); later starts reuse it. Single-node settings:
 * replication factor 1 and min ISR 1 for every internal topic. Unsecured (tests), automatic topic creation is on;
 * secured ({@link Security}), no client may create a topic: the platform's provisioning ({@link KafkaProvisioning})
 * makes them all.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final Settings settings;
    private KafkaRaftServer server;

    /**
     * @param host           the loopback (or other) address both listeners bind to and the broker advertises
     * @param port           client listener port (9092 by default)
     * @param controllerPort KRaft controller listener port (9093 by default)
     * @param dataDir        log and metadata directory
     * @param overrides      broker properties that replace the defaults (e.g. {@code num.partitions=3})
     */
    public record Settings(String host, int port, int controllerPort, Path dataDir, Map<String, String> overrides,
                           Security security) {
        public Settings {
            overrides = Map.copyOf(overrides);
            dataDir = dataDir.toAbsolutePath().normalize();
        }

        public Settings(String host, int port, int controllerPort, Path dataDir, Map<String, String> overrides) {
            this(host, port, controllerPort, dataDir, overrides, null);
        }

        public Settings(String host, int port, int controllerPort, Path dataDir) {
            this(host, port, controllerPort, dataDir, Map.of(), null);
        }
    }

    /**
     * A secured broker: clients only over TLS with SASL/SCRAM-SHA-512, ACLs with the KRaft {@code StandardAuthorizer},
     * deny by default, topics never created by a client. The controller listener (loopback, inside the node) uses
     * SASL/PLAIN with its own principal; it and the administrator are the only super users.
     *
     * @param keystore           the broker's PKCS12 keystore (its key and its certificate chain)
     * @param keystorePassword   that keystore's password
     * @param caCertificate      the certificate authority in PEM, which signed the broker's certificate
     * @param admin              the administrator's SCRAM user, created when the data directory is formatted
     * @param adminPassword      its password (no comma: the format's SCRAM argument splits on commas)
     * @param controllerPassword the controller listener's password
     */
    public record Security(Path keystore, String keystorePassword, Path caCertificate, String admin,
                           String adminPassword, String controllerPassword) {
        public Security {
            if (adminPassword.contains(",") || adminPassword.contains("\"")) {
                throw new IllegalArgumentException("the administrator's password may not hold a comma or a quote");
            }
        }
    }

    public LocalKafkaBroker(Settings settings) {
        this.settings = settings;
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return settings.host() + ":" + settings.port();
    }

    public Settings settings() {
        return settings;
    }

    /**
     * What a client needs to connect as {@code user} (on an unsecured broker: the bootstrap servers only, the user
     * ignored): SASL/SCRAM-SHA-512 over TLS, trusting the broker's certificate authority.
     */
    public Map<String, Object> clientProperties(String user, String password) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("bootstrap.servers", bootstrapServers());
        if (settings.security() != null) {
            p.put("security.protocol", "SASL_SSL");
            p.put("sasl.mechanism", "SCRAM-SHA-512");
            p.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                    + user + "\" password=\"" + password + "\";");
            p.put("ssl.truststore.type", "PEM");
            p.put("ssl.truststore.location", settings.security().caCertificate().toString());
        }
        return p;
    }

    /** {@link #clientProperties} of the administrator (a super user). */
    public Map<String, Object> adminClientProperties() {
        return settings.security() == null ? clientProperties(null, null)
                : clientProperties(settings.security().admin(), settings.security().adminPassword());
    }

    /** The broker's configuration: KRaft combined mode, single node. */
    Map<String, String> brokerProperties() {
        String host = settings.host();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + settings.controllerPort());
        p.put("listeners", "PLAINTEXT://" + host + ":" + settings.port() + "," + CONTROLLER_LISTENER + "://" + host
                + ":" + settings.controllerPort());
        p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + settings.port());
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("log.dirs", settings.dataDir().toString());
        // single node: every replication factor 1, min ISR 1
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // small internal topics: fewer files and a faster first consumer-group join on a 2-core machine
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("num.partitions", "3"); // as the services declare their topics: no partition is added under a consumer
        p.put("auto.create.topics.enable", "true");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("log.retention.hours", "168");
        p.put("controlled.shutdown.enable", "true");
        if (settings.security() != null) {
            p.putAll(securedListeners(host, settings.security()));
        }
        p.putAll(settings.overrides());
        return p;
    }

    private Map<String, String> securedListeners(String host, Security security) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("listeners", "SASL_SSL://" + host + ":" + settings.port() + "," + CONTROLLER_LISTENER + "://" + host
                + ":" + settings.controllerPort());
        p.put("advertised.listeners", "SASL_SSL://" + host + ":" + settings.port());
        p.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL," + CONTROLLER_LISTENER + ":SASL_PLAINTEXT");
        p.put("inter.broker.listener.name", "SASL_SSL");
        p.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
        p.put("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512");
        p.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + security.admin()
                        + "\" password=\"" + security.adminPassword() + "\";");
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.put("listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"controller\" password=\""
                        + security.controllerPassword() + "\" user_controller=\"" + security.controllerPassword()
                        + "\";");
        p.put("ssl.keystore.type", "PKCS12");
        p.put("ssl.keystore.location", security.keystore().toString());
        p.put("ssl.keystore.password", security.keystorePassword());
        // the broker checks its own TLS at start: it needs the authority that signed its certificate
        p.put("ssl.truststore.type", "PEM");
        p.put("ssl.truststore.location", security.caCertificate().toString());
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:" + security.admin() + ";User:controller");
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("auto.create.topics.enable", "false");
        return p;
    }

    /** Formats the data directory when it is new, then starts broker and controller; returns once started. */
    public synchronized LocalKafkaBroker start() {
        if (server != null) {
            return this;
        }
        long started = System.nanoTime();
        Properties props = new Properties();
        props.putAll(brokerProperties());
        KafkaConfig config = new KafkaConfig(props, false);
        formatIfNeeded();
        KafkaRaftServer raftServer = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            raftServer.startup();
        } catch (RuntimeException e) {
            raftServer.shutdown();
            raftServer.awaitShutdown();
            throw e;
        }
        server = raftServer;
        log.info("Kafka broker (KRaft, node {}) listening on {} (controller {}:{}), data {}, started in {} ms",
                NODE_ID, bootstrapServers(), settings.host(), settings.controllerPort(), settings.dataDir(),
                (System.nanoTime() - started) / 1_000_000);
        return this;
    }

    /** The cluster id in the data directory's {@code meta.properties}, if formatted. */
    public String clusterId() {
        Path meta = settings.dataDir().resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME);
        Properties properties = new Properties();
        try (var in = Files.newInputStream(meta)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("cluster.id");
    }

    private void formatIfNeeded() {
        Path dataDir = settings.dataDir();
        if (Files.exists(dataDir.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME))) {
            log.info("Kafka data directory {} already formatted (cluster id {})", dataDir, clusterId());
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Files.createDirectories(dataDir);
            // what `kafka-storage.sh format --cluster-id <id> --config server.properties` does
            new Formatter()
                    .setPrintStream(new PrintStream(out, true, StandardCharsets.UTF_8))
                    .setNodeId(NODE_ID)
                    .setClusterId(clusterId)
                    .setIgnoreFormatted(true)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(dataDir.toString())
                    .addDirectory(dataDir.toString())
                    .setScramArguments(settings.security() == null ? List.of()
                            : List.of("SCRAM-SHA-512=[name=" + settings.security().admin() + ",password="
                            + settings.security().adminPassword() + "]"))
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("could not format the Kafka data directory " + dataDir + ": "
                    + out.toString(StandardCharsets.UTF_8), e);
        }
        log.info("Formatted Kafka data directory {} with cluster id {}", dataDir, clusterId);
    }

    /** Controlled shutdown of broker and controller; waits until both have stopped. Idempotent. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        long stopping = System.nanoTime();
        KafkaRaftServer raftServer = server;
        server = null;
        raftServer.shutdown();
        raftServer.awaitShutdown();
        log.info("Kafka broker on {} stopped in {} ms", bootstrapServers(), (System.nanoTime() - stopping) / 1_000_000);
    }

    public synchronized boolean running() {
        return server != null;
    }

    @Override
    public void close() {
        stop();
    }
}
