package vn.childprotection.platform.deploy;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.childprotection.platform.testsupport.identity.TestActor;
import vn.childprotection.platform.testsupport.identity.TestIssuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The platform as {@code ./platform} runs it, for the tests that break it or load it: the broker and the store as
 * child processes (so that they can be stopped, killed and started again on the same port and data), the four
 * services' exec jars, and the notifications' recipients outside all of them ({@link RecipientSinks}).
 */
final class LocalPlatform implements AutoCloseable {

    /** The agency directory the referral service routes with: the provisioning makes its agencies' topics. */
    static final Path AGENCY_DIRECTORY = moduleDir().getParent()
            .resolve("referral-service/src/main/resources/directory/agency-units.yaml");

    static final String VERSION = System.getProperty("platform.version", "0.1.0-SNAPSHOT");
    static final List<String> SERVICES =
            List.of("intake-service", "referral-service", "notification-service", "reporting-service");
    static final List<String> CONSUMER_GROUPS = List.of("referral-service", "notification-service", "reporting-service");
    static final Duration STARTUP = Duration.ofSeconds(Long.getLong("e2e.startup.seconds", 240));
    static final Duration FLOW = Duration.ofSeconds(Long.getLong("e2e.flow.seconds", 180));

    final InfraProcess kafka;
    final InfraProcess mongo;
    final String bootstrap;
    final int mongoHealthPort;
    final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    final RecipientSinks sinks;
    final Map<String, String> environment;
    private final Path logs;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private LocalPlatform(Path tmp, Path logs) throws IOException {
        this.logs = logs;
        if (Files.isDirectory(logs)) { // this run's logs only (each process appends across its restarts)
            try (var old = Files.list(logs)) {
                for (Path file : old.toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
        Path moduleDir = moduleDir();
        Map<String, Path> jars = new HashMap<>();
        for (String service : SERVICES) {
            Path jar = moduleDir.resolveSibling(service).resolve("target").resolve(service + "-" + VERSION + "-exec.jar");
            if (!Files.isRegularFile(jar) || Files.size(jar) < 1024) {
                fail("the platform tests run the services' exec jars; missing: " + jar + ". Build them first: "
                        + "`./mvnw -DskipTests package` at the repository root.");
            }
            jars.put(service, jar);
        }
        int kafkaPort = freePort();
        bootstrap = "127.0.0.1:" + kafkaPort;
        kafka = new InfraProcess("kafka", KafkaBrokerMain.class, List.of("--data-dir", tmp.resolve("kafka").toString(),
                "--host", "127.0.0.1", "--port", Integer.toString(kafkaPort), "--controller-port",
                Integer.toString(freePort()), "--agency-directory", AGENCY_DIRECTORY.toString()),
                tmp.resolve("kafka.ready"), logs.resolve("kafka.log"));
        int mongoPort = freePort();
        mongoHealthPort = freePort();
        mongo = new InfraProcess("mongo", MongoStandInMain.class, List.of("--store", tmp.resolve("mongo/store.mv").toString(),
                "--host", "127.0.0.1", "--port", Integer.toString(mongoPort), "--health-port",
                Integer.toString(mongoHealthPort), "--oplog", "off"), tmp.resolve("mongo.ready"), logs.resolve("mongo.log"));
        sinks = new RecipientSinks();
        Path notificationConfig = sinks.writeNotificationConfig(tmp.resolve("recipient-sinks.yml"));
        environment = Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap, "MONGODB_URI", "mongodb://127.0.0.1:" + mongoPort,
                "SPRING_MAIN_BANNER_MODE", "off",
                // the broker's provisioning has made every topic, as on the stack
                "REFERRAL_TOPICS_CREATE", "false",
                // development secrets allowed, as on ./platform's stack
                "PLATFORM_LOCAL_STACK", "true",
                // the services check tokens against this JVM's issuer, as they do against Keycloak on the stack
                "OIDC_ISSUER_URI", TestIssuer.shared().issuerUri(),
                "SPRING_CONFIG_ADDITIONAL_LOCATION", "optional:file:" + notificationConfig.toAbsolutePath(),
                // a notification claimed by a killed notification-service is offered again once its lease runs
                // out: 5 min by default, 60 s here (the margin still longer than the store client's 5 s time-out)
                "NOTIFICATION_DELIVERY_LEASE", "60s",
                "NOTIFICATION_DELIVERY_STORERETRY_SAFETYMARGIN", "20s");
        for (String service : SERVICES) {
            services.put(service, new ServiceProcess(service, jars.get(service), freePort(),
                    logs.resolve(service + ".log")));
        }
    }

    /** Starts everything and waits until every service is healthy. */
    static LocalPlatform start(Path tmp, String logDirectory) throws IOException {
        LocalPlatform platform = new LocalPlatform(tmp, moduleDir().resolve("target").resolve(logDirectory));
        Runtime.getRuntime().addShutdownHook(new Thread(platform::killAll, "platform-kill-all"));
        try {
            platform.kafka.start(STARTUP);
            platform.mongo.start(STARTUP);
            platform.services.values().forEach(s -> s.start(platform.environment));
            platform.awaitHealthy(platform.services.values());
        } catch (RuntimeException failed) {
            // nothing of a platform that did not come up may outlive the test: its processes would slow the next
            platform.killAll();
            platform.sinks.close();
            throw failed;
        }
        return platform;
    }

    ServiceProcess service(String name) {
        return services.get(name);
    }

    /** Stops everything; whatever fails to stop is killed. */
    @Override
    public void close() {
        try {
            services.values().parallelStream().forEach(s -> s.stop(Duration.ofSeconds(15)));
            mongo.stop();
            kafka.stop();
        } finally {
            killAll();
            sinks.close();
        }
    }

    private void killAll() {
        services.values().forEach(ServiceProcess::kill);
        mongo.kill();
        kafka.kill();
    }

    // -----------------------------------------------------------------------------------------------------------------
    // HTTP

    HttpResponse<String> post(UUID reportId) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(service("intake-service").uri("/api/v1/reports"))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(15))
                        .header("Authorization", TestIssuer.shared().bearer(TestActor.OPERATOR_111))
                        .POST(HttpRequest.BodyPublishers.ofString(reportBody(reportId), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A GET as a coordinator of every province (cases, notifications, figures; the probes need no token). */
    HttpResponse<String> get(String service, String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(service(service).uri(pathAndQuery)).timeout(Duration.ofSeconds(10))
                .header("Authorization", TestIssuer.shared().bearer(TestActor.NATIONAL_COORDINATOR))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The store's own health document ({@code GET /health} of the stand-in), or the failure to reach it. */
    String storeHealth() {
        try {
            return http.send(HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + mongoHealthPort + "/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "unreachable: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * An intervention for sexual abuse in Phường Điện Biên Phủ (province 11, commune 03127), from a teacher who
     * asked to hear the outcome. Routed to {@link #EXPECTED_AGENCIES}.
     */
    static String reportBody(UUID reportId) {
        return """
                {"reportId":"%s","receivedAt":"%s","channel":"HOTLINE_111",\
                "contactType":"INTERVENTION","concerns":["SEXUAL_ABUSE"],"severity":"HIGH",\
                "location":{"provinceCode":"11","communeCode":"03127"},\
                "child":{"fullName":"Lò Thị Mai","sex":"FEMALE","ageYears":11},\
                "reporter":{"fullName":"Lường Văn Sơn","phone":"0987654321","relationship":"TEACHER",\
                "anonymous":false,"wantsFeedback":true},\
                "narrative":"Giáo viên phát hiện cháu có dấu hiệu bị xâm hại, cháu sợ hãi không dám về nhà."}"""
                .formatted(reportId, OffsetDateTime.now(ZoneOffset.ofHours(7)).minusMinutes(3).withNano(0));
    }

    /**
     * The agencies {@link #reportBody} is routed to, from the routing table rather than from the service under test:
     * SOCIAL_AFFAIRS and POLICE as primaries, HEALTH, WOMENS_UNION, EDUCATION and JUSTICE supporting (national rule
     * VN.SEXUAL_ABUSE: S0 Art 9.5a–g), and COMMUNE_PC supporting in Điện Biên Phủ city (rule DB-03-COMMUNE-ABUSE: S4
     * IV.11).
     */
    static final Set<String> EXPECTED_AGENCIES = Set.of("SOCIAL_AFFAIRS", "POLICE", "HEALTH", "WOMENS_UNION",
            "EDUCATION", "JUSTICE", "COMMUNE_PC");

    // -----------------------------------------------------------------------------------------------------------------
    // Health

    void awaitHealthy(Collection<ServiceProcess> which) {
        onFailurePrintLogs(() -> await("services healthy").atMost(STARTUP).pollInterval(Duration.ofMillis(500))
                .until(() -> which.stream().allMatch(s -> s.healthy(http))));
    }

    void onFailurePrintLogs(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | AssertionError e) {
            for (ServiceProcess service : services.values()) {
                System.err.printf("%n===== %s (%s) — the end of %s =====%n%s%n", service.name(),
                        service.alive() ? "running" : "exited", service.log(), service.tail(60));
            }
            System.err.printf("%n===== the store: %s =====%n", storeHealth());
            throw e;
        }
    }

    /** Lines of the store's log that report an error (ERROR level or an exception of H2), none expected. */
    List<String> storeErrors() {
        Path log = logs.resolve("mongo.log");
        try {
            if (!Files.exists(log)) {
                return List.of();
            }
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains(" ERROR ") || line.contains("MVStoreException")
                            || line.contains("OutOfMemoryError"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // -----------------------------------------------------------------------------------------------------------------
    // Kafka

    KafkaProducer<String, byte[]> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(config);
    }

    /** Group → the topics its running members are assigned, once every expected (topic, group) has a member. */
    Map<String, Set<String>> awaitConsumers(List<String[]> expected) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(config)) {
            Map<String, Set<String>> byGroup = new HashMap<>();
            await("every consumed topic has a consumer in its group").atMost(FLOW).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        byGroup.clear();
                        Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(CONSUMER_GROUPS)
                                .all().get(10, TimeUnit.SECONDS);
                        groups.forEach((group, description) -> {
                            Set<String> topics = new HashSet<>();
                            for (MemberDescription member : description.members()) {
                                member.assignment().topicPartitions().forEach(tp -> topics.add(tp.topic()));
                            }
                            byGroup.put(group, topics);
                        });
                        return expected.stream().allMatch(row -> byGroup.getOrDefault(row[1], Set.of()).contains(row[0]));
                    });
            return byGroup;
        }
    }

    /** Every record of every matching topic, from the beginning to the current end. */
    Map<String, List<byte[]>> readAll(Predicate<String> topics) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, List<byte[]>> values = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Map.Entry<String, List<PartitionInfo>> topic : consumer.listTopics(Duration.ofSeconds(10)).entrySet()) {
                if (topics.test(topic.getKey())) {
                    topic.getValue().forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            if (partitions.isEmpty()) {
                return values;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + partitions + " to their end within 60 s");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    values.computeIfAbsent(record.topic(), t -> new ArrayList<>()).add(record.value());
                }
            }
        }
        return values;
    }

    /** The number of records on the dead-letter topics of every consumed topic. */
    long deadLetters() {
        return readAll(topic -> topic.endsWith(".dlt")).values().stream().mapToLong(List::size).sum();
    }

    static int freePort() throws IOException {
        return FreePorts.next();
    }

    private static Path moduleDir() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    }
}
