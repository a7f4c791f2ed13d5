package vn.childprotection.platform.deploy;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.childprotection.platform.areas.AreaMapsLoader;
import vn.childprotection.platform.contracts.Topics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The secured broker as {@code ./platform} runs it: TLS with SASL/SCRAM-SHA-512 for every client, the KRaft
 * authorizer denying by default, provisioned by {@link KafkaProvisioning} with the real agency directory. Every
 * principal is tried on every topic of the matrix, to write and to read, with real clients: what the topic catalog
 * lets it do succeeds, anything else is refused with the broker's own error. The certificate authority and the
 * broker's certificate are made with the JDK's keytool, as {@code ./platform} makes them.
 */
class KafkaAccessMatrixIT {

    private static final String STORE_PASSWORD = "store-password-1";
    private static final String ADMIN_PASSWORD = "admin-password-1";

    @TempDir
    static Path tmp;
    private static LocalKafkaBroker broker;
    private static final Map<String, String> PRINCIPALS = new LinkedHashMap<>();

    /** The topics of the matrix: the platform's own, their dead letters, and agency topics of two provinces. */
    private static final List<String> TOPICS = new ArrayList<>();

    /** What each principal may write and read (the topic catalog's writers and readers, spelled out). */
    private static final Map<String, Set<String>> MAY_WRITE = new HashMap<>();
    private static final Map<String, Set<String>> MAY_READ = new HashMap<>();

    static {
        for (String topic : List.of(Topics.INTAKE_REPORTS, Topics.INTAKE_REPORTS_URGENT, Topics.CASE_EVENTS,
                Topics.NOTIFICATIONS_DELIVERED, Topics.NOTIFICATIONS_FAILED, Topics.AUDIT_EVENTS,
                Topics.AGENCY_RESPONSES_DEAD_LETTER)) {
            TOPICS.add(topic);
        }
        for (String[] dlt : new String[][]{{Topics.INTAKE_REPORTS, "referral-service"},
                {Topics.INTAKE_REPORTS, "notification-service"}, {Topics.CASE_EVENTS, "reporting-service"},
                {Topics.AUDIT_EVENTS, "audit-service"}}) {
            TOPICS.add(Topics.deadLetterOf(dlt[0], dlt[1]));
        }
        for (String agency : List.of("POLICE", "HEALTH", "SOCIAL_AFFAIRS")) {
            for (String province : List.of("11", "01")) {
                TOPICS.add(Topics.referralsFor(agency, province));
                TOPICS.add(Topics.agencyResponsesFor(agency, province));
            }
        }
        String audit = Topics.AUDIT_EVENTS;
        may("intake-service", Set.of(Topics.INTAKE_REPORTS, Topics.INTAKE_REPORTS_URGENT, audit), Set.of());
        Set<String> referralWrites = new TreeSet<>(Set.of(Topics.CASE_EVENTS, audit, Topics.AGENCY_RESPONSES_DEAD_LETTER,
                Topics.deadLetterOf(Topics.INTAKE_REPORTS, "referral-service")));
        Set<String> referralReads = new TreeSet<>(Set.of(Topics.INTAKE_REPORTS, Topics.INTAKE_REPORTS_URGENT,
                Topics.CASE_EVENTS));
        for (String topic : TOPICS) {
            if (topic.startsWith(Topics.REFERRALS_PREFIX)) {
                referralWrites.add(topic);
                referralReads.add(topic); // the outbox's check reads back what it wrote
            } else if (Topics.responderOf(topic).isPresent()) {
                referralReads.add(topic);
            }
        }
        may("referral-service", referralWrites, referralReads);
        may("notification-service", Set.of(Topics.NOTIFICATIONS_DELIVERED, Topics.NOTIFICATIONS_FAILED, audit,
                        Topics.deadLetterOf(Topics.INTAKE_REPORTS, "notification-service")),
                Set.of(Topics.INTAKE_REPORTS, Topics.INTAKE_REPORTS_URGENT, Topics.CASE_EVENTS));
        may("reporting-service", Set.of(audit, Topics.deadLetterOf(Topics.CASE_EVENTS, "reporting-service")),
                Set.of(Topics.CASE_EVENTS, Topics.NOTIFICATIONS_DELIVERED, Topics.NOTIFICATIONS_FAILED));
        may("audit-service", Set.of(audit, Topics.deadLetterOf(audit, "audit-service")), Set.of(audit));
        may("police-11-system", Set.of(Topics.agencyResponsesFor("POLICE", "11")),
                Set.of(Topics.referralsFor("POLICE", "11")));
        may("health-11-system", Set.of(Topics.agencyResponsesFor("HEALTH", "11")),
                Set.of(Topics.referralsFor("HEALTH", "11")));
        may("police-01-system", Set.of(Topics.agencyResponsesFor("POLICE", "01")),
                Set.of(Topics.referralsFor("POLICE", "01")));
        may("police-national-system", Set.of(Topics.agencyResponsesFor("POLICE", "11"),
                        Topics.agencyResponsesFor("POLICE", "01")),
                Set.of(Topics.referralsFor("POLICE", "11"), Topics.referralsFor("POLICE", "01")));
    }

    private static void may(String principal, Set<String> write, Set<String> read) {
        MAY_WRITE.put(principal, write);
        MAY_READ.put(principal, read);
        PRINCIPALS.put(principal, principal + "-password-1");
    }

    @BeforeAll
    static void startAndProvisionTheSecuredBroker() throws Exception {
        Path tls = Files.createDirectories(tmp.resolve("tls"));
        keytool(tls, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=Local Kafka CA", "-ext", "bc:c", "-ext", "KeyUsage:critical=keyCertSign,cRLSign", "-validity",
                "3650", "-keystore", "ca.p12", "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
        keytool(tls, "-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-storepass", STORE_PASSWORD,
                "-file", "ca.pem");
        keytool(tls, "-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=localhost", "-validity", "825", "-keystore", "broker.p12", "-storetype", "PKCS12", "-storepass",
                STORE_PASSWORD);
        keytool(tls, "-certreq", "-alias", "broker", "-keystore", "broker.p12", "-storepass", STORE_PASSWORD,
                "-file", "broker.csr");
        keytool(tls, "-gencert", "-alias", "ca", "-keystore", "ca.p12", "-storepass", STORE_PASSWORD, "-infile",
                "broker.csr", "-outfile", "broker.pem", "-rfc", "-validity", "825", "-ext",
                "san=ip:127.0.0.1,dns:localhost", "-ext", "ExtendedKeyUsage=serverAuth");
        keytool(tls, "-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", "broker.p12",
                "-storepass", STORE_PASSWORD);
        keytool(tls, "-importcert", "-alias", "broker", "-file", "broker.pem", "-keystore", "broker.p12",
                "-storepass", STORE_PASSWORD);

        LocalKafkaBroker.Security security = new LocalKafkaBroker.Security(tls.resolve("broker.p12"),
                STORE_PASSWORD, tls.resolve("ca.pem"), "admin", ADMIN_PASSWORD, "controller-password-1");
        broker = new LocalKafkaBroker(new LocalKafkaBroker.Settings("127.0.0.1", FreePorts.next(), FreePorts.next(),
                tmp.resolve("kafka"), Map.of(), security)).start();
        try (Admin admin = Admin.create(broker.adminClientProperties())) {
            KafkaProvisioning.apply(admin, KafkaProvisioning.topics(KafkaProvisioning.Settings.DEFAULT,
                    KafkaProvisioning.agencyProvincePairs(LocalPlatform.AGENCY_DIRECTORY, AreaMapsLoader.shipped())),
                    PRINCIPALS);
        }
        // one record on every topic of the matrix, so that a reader either gets it or is refused
        try (KafkaProducer<String, String> admin = producer("admin", ADMIN_PASSWORD)) {
            for (String topic : TOPICS) {
                admin.send(new ProducerRecord<>(topic, "access-matrix", "{}")).get(30, TimeUnit.SECONDS);
            }
        }
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void everyPrincipalWritesExactlyTheTopicsItIsTheWriterOfAndIsRefusedTheOthersByTheBroker() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String principal : PRINCIPALS.keySet()) {
            try (KafkaProducer<String, String> producer = producer(principal, PRINCIPALS.get(principal))) {
                for (String topic : TOPICS) {
                    boolean allowed = MAY_WRITE.get(principal).contains(topic);
                    Throwable refusal = null;
                    try {
                        producer.send(new ProducerRecord<>(topic, "access-matrix", "{}")).get(30, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        refusal = e.getCause();
                    }
                    if (allowed ? refusal != null : !(refusal instanceof TopicAuthorizationException)) {
                        wrong.add(principal + " writing " + topic + ": " + (refusal == null ? "written" : refusal));
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyPrincipalReadsExactlyTheTopicsItConsumesAndIsRefusedTheOthersByTheBroker() {
        List<String> wrong = new ArrayList<>();
        for (String principal : PRINCIPALS.keySet()) {
            try (KafkaConsumer<String, String> consumer = consumer(principal, PRINCIPALS.get(principal), null)) {
                for (String topic : TOPICS) {
                    boolean allowed = MAY_READ.get(principal).contains(topic);
                    consumer.assign(List.of(new TopicPartition(topic, 0)));
                    consumer.seekToBeginning(List.of(new TopicPartition(topic, 0)));
                    // until the topic's first record arrives or the broker refuses
                    Throwable refusal = null;
                    boolean read = false;
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                    while (!read && refusal == null && System.nanoTime() < deadline) {
                        try {
                            read = !consumer.poll(Duration.ofMillis(100)).isEmpty();
                        } catch (TopicAuthorizationException e) {
                            refusal = e;
                        }
                    }
                    if (allowed ? !read : !(refusal instanceof TopicAuthorizationException)) {
                        wrong.add(principal + " reading " + topic + ": " + (read ? "read" : refusal));
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void anAgencySystemJoinsOnlyConsumerGroupsNamedAfterItself() {
        String topic = Topics.referralsFor("POLICE", "11");
        try (KafkaConsumer<String, String> own = consumer("police-11-system", PRINCIPALS.get("police-11-system"),
                "police-11-system-inbox")) {
            own.subscribe(List.of(topic));
            own.poll(Duration.ofMillis(500));
        }
        try (KafkaConsumer<String, String> foreign = consumer("police-11-system", PRINCIPALS.get("police-11-system"),
                "referral-service")) {
            foreign.subscribe(List.of(topic));
            assertThatThrownBy(() -> foreign.poll(Duration.ofSeconds(10)))
                    .isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void aWrongPasswordAndAClientWithoutTlsAndSaslGetNothing() {
        try (KafkaProducer<String, String> wrong = producer("police-11-system", "not-the-password")) {
            assertThatThrownBy(() -> wrong.send(new ProducerRecord<>(Topics.agencyResponsesFor("POLICE", "11"), "k",
                    "v")).get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(SaslAuthenticationException.class);
        }
        Map<String, Object> plain = new HashMap<>();
        plain.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        plain.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(plain, new StringSerializer(),
                new StringSerializer())) {
            // a plaintext client cannot even read the cluster's metadata: it never learns the topic exists
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.INTAKE_REPORTS, "k", "v")).get(10,
                    TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        }
    }

    @Test
    void noClientCreatesATopicNotEvenAService() {
        try (KafkaProducer<String, String> producer = producer("referral-service",
                PRINCIPALS.get("referral-service"))) {
            // referral-service may write every referral topic, by prefix; one the provisioning did not make stays
            // unmade: the producer waits for it in vain
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.referralsFor("POLICE", "99"), "k",
                    "v")).get(30, TimeUnit.SECONDS)).isInstanceOf(Exception.class);
        }
        try (Admin admin = Admin.create(broker.adminClientProperties())) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .doesNotContain(Topics.referralsFor("POLICE", "99"))
                    .contains(Topics.referralsFor("POLICE", "11"), Topics.agencyResponsesFor("COMMUNE_PC", "11"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static KafkaProducer<String, String> producer(String user, String password) {
        Map<String, Object> config = client(user, password);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String user, String password, String group) {
        Map<String, Object> config = client(user, password);
        if (group != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static Map<String, Object> client(String user, String password) {
        return new HashMap<>(broker.clientProperties(user, password));
    }

    private static void keytool(Path dir, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "keytool").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("keytool %s: %s", arguments[0], output).isZero();
    }
}
