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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.platform.contracts.AgencyReferral;
import vn.childprotection.platform.contracts.AgencyReferralEvent;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.Ids;
import vn.childprotection.platform.contracts.Topics;

import java.io.IOException;
import java.net.ServerSocket;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The platform under faults (issue 6): the broker and the store as child processes (as {@code ./platform} runs
 * them) so that they can be stopped and started again on the same port and data, the four services' exec jars as
 * in {@link PlatformEndToEndIT}. Reports flow while a service is SIGKILLed, the broker is stopped and the store is
 * stopped; after each fault every report that got a 202 must end as exactly one case with its referrals, each
 * referral exactly once on its agency topic, counted once by the projection, with no notification twice. A poison
 * record on every consumed topic must reach that consumer's dead-letter topic while the partition moves on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

    private static final String VERSION = System.getProperty("platform.version", "0.1.0-SNAPSHOT");
    private static final List<String> SERVICES =
            List.of("intake-service", "referral-service", "notification-service", "reporting-service");
    private static final Duration STARTUP = Duration.ofSeconds(Long.getLong("e2e.startup.seconds", 240));
    private static final Duration FLOW = Duration.ofSeconds(Long.getLong("e2e.flow.seconds", 120));
    private static final Pattern REFERRAL_TOPIC = Pattern.compile("referrals\\.[a-z0-9-]+\\.v1");
    private static final JsonMapper JSON = EventJson.mapper();

    /**
     * Every consumed topic and its consumer group (TopicCatalog's readers). A row whose consumer is not running yet
     * (being added by another change) is reported and skipped; the rows that exist must dead-letter.
     */
    private static final List<String[]> CONSUMED = List.of(
            new String[]{Topics.INTAKE_REPORTS, "referral-service"},
            new String[]{Topics.INTAKE_REPORTS, "notification-service"},
            new String[]{Topics.INTAKE_REPORTS_URGENT, "referral-service"},
            new String[]{Topics.INTAKE_REPORTS_URGENT, "notification-service"},
            new String[]{Topics.CASE_EVENTS, "notification-service"},
            new String[]{Topics.CASE_EVENTS, "reporting-service"},
            new String[]{Topics.AGENCY_RESPONSES, "referral-service"},
            new String[]{Topics.NOTIFICATIONS_DELIVERED, "reporting-service"},
            new String[]{Topics.NOTIFICATIONS_FAILED, "reporting-service"});

    @TempDir
    static Path tmp;

    private static InfraProcess kafka;
    private static InfraProcess mongo;
    private static String bootstrap;
    private static Map<String, String> environment;
    private static final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    /** reportId → caseId of every report that got a 202 in the running scenario. */
    private static final Map<UUID, String> accepted = new ConcurrentHashMap<>();
    /** Figures of every scenario so far: the projection's totals must grow by exactly the accepted reports. */
    private static long reportsCountedBefore;
    private static long referralsCountedBefore;
    /**
     * Each referral exactly once on its agency topic (issue 6): referral-service checks the topic before it resends an
     * outbox message that a killed or failed relay may have sent. notification-service's
     * {@code notifications.delivered.v1} is internal: after a SIGKILL between the broker's acknowledgement and the
     * marking it may carry the same event (same event id) twice, which its consumer de-duplicates; the recipient is not
     * contacted again (DELIVERED is stored before the publication). Its copies must be the same event; counting them
     * as an error too is {@code -Dfault.strictNotificationsOnce=true}.
     */
    private static final boolean STRICT_NOTIFICATIONS_ONCE = Boolean.getBoolean("fault.strictNotificationsOnce");

    @BeforeAll
    static void startThePlatform() throws IOException {
        Path moduleDir = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        Path logs = moduleDir.resolve("target/fault-logs");
        Map<String, Path> jars = new HashMap<>();
        for (String service : SERVICES) {
            Path jar = moduleDir.resolveSibling(service).resolve("target").resolve(service + "-" + VERSION + "-exec.jar");
            if (!Files.isRegularFile(jar) || Files.size(jar) < 1024) {
                fail("FaultToleranceIT runs the services' exec jars; missing: " + jar + ". Build them first: "
                        + "`./mvnw -DskipTests package` at the repository root.");
            }
            jars.put(service, jar);
        }
        int kafkaPort = freePort();
        bootstrap = "127.0.0.1:" + kafkaPort;
        kafka = new InfraProcess("kafka", KafkaBrokerMain.class, List.of("--data-dir", tmp.resolve("kafka").toString(),
                "--host", "127.0.0.1", "--port", Integer.toString(kafkaPort), "--controller-port",
                Integer.toString(freePort())), tmp.resolve("kafka.ready"), logs.resolve("kafka.log"));
        int mongoPort = freePort();
        mongo = new InfraProcess("mongo", MongoStandInMain.class, List.of("--store", tmp.resolve("mongo/store.mv").toString(),
                "--host", "127.0.0.1", "--port", Integer.toString(mongoPort), "--oplog", "off"), tmp.resolve("mongo.ready"),
                logs.resolve("mongo.log"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            services.values().forEach(ServiceProcess::kill);
            mongo.kill();
            kafka.kill();
        }, "fault-kill-all"));
        kafka.start(STARTUP);
        mongo.start(STARTUP);
        environment = Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap, "MONGODB_URI", "mongodb://127.0.0.1:" + mongoPort,
                "SPRING_MAIN_BANNER_MODE", "off");
        for (String service : SERVICES) {
            services.put(service, new ServiceProcess(service, jars.get(service), freePort(),
                    logs.resolve(service + ".log")).start(environment));
        }
        awaitHealthy(services.values());
    }

    @AfterAll
    static void stopThePlatform() {
        services.values().parallelStream().forEach(s -> s.stop(Duration.ofSeconds(15)));
        if (mongo != null) {
            mongo.stop();
        }
        if (kafka != null) {
            kafka.stop();
        }
    }

    @Test
    @Order(1)
    void aPoisonRecordOnEveryConsumedTopicGoesToItsDeadLetterTopicAndThePartitionMovesOn() throws Exception {
        // the report posted after the poison records has the same key, hence the same partitions
        UUID reportId = UUID.randomUUID();
        String caseId = Ids.caseIdFor(reportId);
        Map<String, Set<String>> consumedBy = consumedTopicsByGroup();
        List<String> verified = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<String, String> poisonByDeadLetterTopic = new LinkedHashMap<>();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            Map<String, String> markerByTopic = new HashMap<>();
            for (String[] row : CONSUMED) {
                String topic = row[0];
                String group = row[1];
                if (!consumedBy.getOrDefault(group, Set.of()).contains(topic)) {
                    skipped.add(topic + " by " + group);
                    continue;
                }
                String marker = markerByTopic.computeIfAbsent(topic, t -> "poison-" + UUID.randomUUID());
                poisonByDeadLetterTopic.put(Topics.deadLetterOf(topic, group), marker);
                verified.add(topic + " by " + group);
            }
            for (Map.Entry<String, String> poison : markerByTopic.entrySet()) {
                // truncated JSON: a MalformedEventException for every reader of the topic
                String value = "{\"eventType\":\"CaseOpened.v1\",\"eventId\":\"" + poison.getValue()
                        + "\",\"caseId\":\"";
                producer.send(new ProducerRecord<>(poison.getKey(), caseId, value.getBytes(StandardCharsets.UTF_8)))
                        .get(10, TimeUnit.SECONDS);
            }
        }
        System.out.printf("FAULT poison: verified %s; skipped (no such consumer running) %s%n", verified, skipped);
        assertThat(verified).as("at least the original consumers exist").contains(
                Topics.INTAKE_REPORTS + " by referral-service", Topics.INTAKE_REPORTS_URGENT + " by referral-service",
                Topics.CASE_EVENTS + " by reporting-service",
                Topics.CASE_EVENTS + " by notification-service");

        // the partition moves on: a good report with the same key is routed, notified and counted
        assertThat(post(reportId, body(reportId)).statusCode()).isEqualTo(202);
        accepted.put(reportId, caseId);

        onFailurePrintLogs(() -> await("every poison record on its dead-letter topic").atMost(FLOW)
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    Map<String, List<String>> deadLetters = readAll(poisonByDeadLetterTopic.keySet()::contains);
                    poisonByDeadLetterTopic.forEach((deadLetterTopic, marker) -> assertThat(deadLetters
                            .getOrDefault(deadLetterTopic, List.of())).as(deadLetterTopic)
                            .anyMatch(value -> value.contains(marker)));
                }));
        assertEveryAcceptedReportIsExactlyOnceEverywhere();
    }

    @Test
    @Order(2)
    void aServiceKilledWhileReportsFlowLosesNothingAndDoublesNothing() throws Exception {
        ReportStream stream = ReportStream.start(10);
        awaitAccepted(stream, 15);
        ServiceProcess referral = services.get("referral-service");
        referral.killAndWait(); // SIGKILL: no shutdown hook, no offset commit, outbox mid-relay
        awaitAccepted(stream, 10);
        ServiceProcess notification = services.get("notification-service");
        notification.killAndWait();
        awaitAccepted(stream, 10);
        ReportStream.Outcome outcome = stream.stop();
        referral.start(environment);
        notification.start(environment);
        awaitHealthy(List.of(referral, notification));
        System.out.printf("FAULT kill: %s%n", outcome);
        assertThat(outcome.unexpected()).as("answers other than 202 while a downstream service was killed").isEmpty();
        assertEveryAcceptedReportIsExactlyOnceEverywhere();
    }

    @Test
    @Order(3)
    void theBrokerDownMeans503WithRetryAfterAndEveryAcceptedReportCatchesUp() throws Exception {
        ReportStream stream = ReportStream.start(10);
        awaitAccepted(stream, 10);
        kafka.stop();
        await("intake answers 503 with Retry-After while the broker is down").atMost(FLOW)
                .until(() -> stream.unavailable.get() >= 3);
        int acceptedBeforeRestart = stream.accepted.get();
        kafka.start(STARTUP);
        awaitAccepted(stream, 10);
        ReportStream.Outcome outcome = stream.stop();
        System.out.printf("FAULT broker: %s (accepted before the restart: %d)%n", outcome, acceptedBeforeRestart);
        assertThat(outcome.unexpected()).as("answers other than 202 or 503 + Retry-After").isEmpty();
        assertThat(outcome.unavailable()).isGreaterThanOrEqualTo(3);
        awaitHealthy(services.values());
        assertEveryAcceptedReportIsExactlyOnceEverywhere();
    }

    @Test
    @Order(4)
    void theStoreDownPausesTheConsumersWhichResumeWithoutSkippingOrDoubling() throws Exception {
        ReportStream stream = ReportStream.start(10);
        awaitAccepted(stream, 15);
        mongo.stop();
        await("intake answers 503 while it cannot record the report").atMost(FLOW)
                .until(() -> stream.unavailable.get() >= 3);
        mongo.start(STARTUP);
        awaitAccepted(stream, 10);
        ReportStream.Outcome outcome = stream.stop();
        System.out.printf("FAULT store: %s%n", outcome);
        assertThat(outcome.unexpected()).as("answers other than 202 or 503 + Retry-After").isEmpty();
        awaitHealthy(services.values());
        assertEveryAcceptedReportIsExactlyOnceEverywhere();
    }

    // -----------------------------------------------------------------------------------------------------------------
    // The exactly-once check over every report accepted so far

    private static void assertEveryAcceptedReportIsExactlyOnceEverywhere() {
        Map<UUID, String> reports = Map.copyOf(accepted);
        accepted.clear();
        Map<String, Set<String>> referralsByCase = new ConcurrentHashMap<>();
        // 1. one case per report, with its referrals (referral-service)
        onFailurePrintLogs(() -> await("a case with referrals for each of the " + reports.size() + " accepted reports")
                .atMost(FLOW).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    for (String caseId : reports.values()) {
                        if (referralsByCase.containsKey(caseId)) {
                            continue;
                        }
                        HttpResponse<String> response = get("referral-service", "/api/v1/cases/" + caseId);
                        assertThat(response.statusCode()).as("case %s: %s", caseId, response.body()).isEqualTo(200);
                        Set<String> ids = new HashSet<>();
                        for (JsonNode referral : JSON.readTree(response.body()).path("referrals")) {
                            ids.add(referral.path("referralId").asString(""));
                        }
                        assertThat(ids).as("referrals of case %s", caseId).hasSizeGreaterThanOrEqualTo(2);
                        referralsByCase.put(caseId, ids);
                    }
                }));
        Set<String> expectedReferrals = new HashSet<>();
        referralsByCase.values().forEach(expectedReferrals::addAll);

        // 2. each referral on its agency topic: once, or (at-least-once relay) only as identical copies
        Map<String, Integer> copies = new HashMap<>();
        onFailurePrintLogs(() -> await("each of the " + expectedReferrals.size() + " referrals on its agency topic")
                .atMost(FLOW).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    copies.clear();
                    Map<String, Set<String>> eventIds = new HashMap<>();
                    for (Map.Entry<String, List<byte[]>> topic : readAllBytes(t -> REFERRAL_TOPIC.matcher(t).matches()).entrySet()) {
                        for (byte[] value : topic.getValue()) {
                            AgencyReferral referral = (AgencyReferral) EventJson.read(value, AgencyReferralEvent.class);
                            if (expectedReferrals.contains(referral.referralId())) {
                                copies.merge(referral.referralId(), 1, Integer::sum);
                                eventIds.computeIfAbsent(referral.referralId(), r -> new HashSet<>()).add(referral.eventId());
                            }
                        }
                    }
                    assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(expectedReferrals);
                    assertThat(eventIds.entrySet()).as("a referral's copies are the same event (same event id)")
                            .allMatch(e -> e.getValue().size() == 1);
                }));
        long duplicated = copies.values().stream().filter(n -> n > 1).count();
        System.out.printf("FAULT topic copies: %d of %d referrals on their agency topic more than once%n", duplicated,
                expectedReferrals.size());
        assertThat(copies.entrySet()).as("referrals on more than one record").filteredOn(e -> e.getValue() > 1).isEmpty();

        // 3. counted once by the projection (reporting-service): the totals grow by exactly this scenario's figures
        long reportsExpected = reportsCountedBefore + reports.size();
        long referralsExpected = referralsCountedBefore + expectedReferrals.size();
        onFailurePrintLogs(() -> await("the projection counts " + reportsExpected + " reports and "
                + referralsExpected + " referrals").atMost(FLOW).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    HttpResponse<String> response = get("reporting-service", "/api/v1/stats/overview");
                    assertThat(response.statusCode()).isEqualTo(200);
                    JsonNode overview = JSON.readTree(response.body());
                    assertThat(count(overview.path("reports"))).as("reports in %s", response.body()).isEqualTo(reportsExpected);
                    assertThat(count(overview.path("referrals"))).as("referrals in %s", response.body())
                            .isEqualTo(referralsExpected);
                }));
        reportsCountedBefore = reportsExpected;
        referralsCountedBefore = referralsExpected;

        // 4. no notification twice: one per (kind, referral), ids unique, each delivered at most once
        onFailurePrintLogs(() -> await("notifications for every referral, none twice").atMost(FLOW)
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    Set<String> notificationIds = new HashSet<>();
                    for (String caseId : reports.values()) {
                        HttpResponse<String> response = get("notification-service",
                                "/api/v1/notifications?caseId=" + caseId + "&size=100");
                        assertThat(response.statusCode()).isEqualTo(200);
                        Set<String> kindAndReferral = new HashSet<>();
                        Set<String> notifiedReferrals = new HashSet<>();
                        for (JsonNode n : JSON.readTree(response.body()).path("items")) {
                            assertThat(notificationIds.add(n.path("notificationId").asString()))
                                    .as("notification %s listed once", n.path("notificationId")).isTrue();
                            String referralId = n.path("referralId").asString("");
                            if (!referralId.isEmpty()) {
                                assertThat(kindAndReferral.add(n.path("kind").asString() + "/" + referralId))
                                        .as("one %s notification for referral %s", n.path("kind"), referralId).isTrue();
                                notifiedReferrals.add(referralId);
                            }
                        }
                        assertThat(notifiedReferrals).as("notified referrals of case %s", caseId)
                                .containsExactlyInAnyOrderElementsOf(referralsByCase.get(caseId));
                    }
                    Map<String, Integer> delivered = new HashMap<>();
                    Map<String, Set<String>> deliveredEventIds = new HashMap<>();
                    for (byte[] value : readAllBytes(Topics.NOTIFICATIONS_DELIVERED::equals)
                            .getOrDefault(Topics.NOTIFICATIONS_DELIVERED, List.of())) {
                        try {
                            JsonNode event = JSON.readTree(value);
                            String notificationId = event.path("notificationId").asString("");
                            delivered.merge(notificationId, 1, Integer::sum);
                            deliveredEventIds.computeIfAbsent(notificationId, n -> new HashSet<>())
                                    .add(event.path("eventId").asString(""));
                        } catch (tools.jackson.core.JacksonException poisonOfScenarioOne) {
                            // the truncated record the poison scenario put there
                        }
                    }
                    assertThat(deliveredEventIds.entrySet()).as("a notification's delivery is one event (one event id)")
                            .allMatch(e -> e.getValue().size() == 1);
                    long republished = delivered.values().stream().filter(n -> n > 1).count();
                    if (republished > 0) {
                        System.out.printf("FAULT notification copies: %d NotificationDelivered repeated with the same "
                                + "event id%n", republished);
                    }
                    if (STRICT_NOTIFICATIONS_ONCE) {
                        assertThat(delivered.entrySet()).as("notifications delivered more than once")
                                .filteredOn(e -> e.getValue() > 1).isEmpty();
                    }
                }));
        System.out.printf("FAULT check: %d reports, %d referrals: one case each, on the topics, counted once, "
                + "notified once%n", reports.size(), expectedReferrals.size());
    }

    // -----------------------------------------------------------------------------------------------------------------
    // A stream of reports posted at a fixed rate

    static final class ReportStream {
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger unavailable = new AtomicInteger();
        final Map<String, Integer> unexpected = new ConcurrentHashMap<>();
        /** Requests sent and not yet answered (each is bounded by the client's request timeout). */
        final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Thread thread;

        record Outcome(int accepted, int unavailable, Map<String, Integer> unexpected) {
        }

        static ReportStream start(int perSecond) {
            ReportStream stream = new ReportStream();
            long interval = 1_000_000_000L / perSecond;
            stream.thread = Thread.ofPlatform().name("report-stream").start(() -> {
                long next = System.nanoTime();
                while (stream.running.get()) {
                    UUID reportId = UUID.randomUUID();
                    stream.inFlight.incrementAndGet();
                    Thread.ofVirtual().start(() -> {
                        try {
                            stream.postOne(reportId);
                        } finally {
                            stream.inFlight.decrementAndGet();
                        }
                    });
                    next += interval;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                }
            });
            return stream;
        }

        private void postOne(UUID reportId) {
            try {
                HttpResponse<String> response = post(reportId, body(reportId));
                if (response.statusCode() == 202) {
                    FaultToleranceIT.accepted.put(reportId, Ids.caseIdFor(reportId));
                    accepted.incrementAndGet();
                } else if (response.statusCode() == 503
                        && response.headers().firstValue("Retry-After").filter(v -> v.matches("\\d+")).isPresent()
                        && response.body().contains("\"status\":503")) {
                    unavailable.incrementAndGet();
                } else {
                    unexpected.merge(response.statusCode() + " " + response.headers().firstValue("Retry-After")
                            .orElse("(no Retry-After)"), 1, Integer::sum);
                }
            } catch (IOException e) {
                // no answer: the report was not accepted (the hotline system keeps it and sends it again)
                unexpected.merge("no answer: " + e.getClass().getSimpleName(), 1, Integer::sum);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        Outcome stop() throws InterruptedException {
            running.set(false);
            thread.join();
            await("the last requests answered").atMost(FLOW).pollInterval(Duration.ofMillis(50))
                    .until(() -> inFlight.get() == 0);
            return new Outcome(accepted.get(), unavailable.get(), Map.copyOf(unexpected));
        }
    }

    private static void awaitAccepted(ReportStream stream, int more) {
        int target = stream.accepted.get() + more;
        onFailurePrintLogs(() -> await(more + " more reports accepted").atMost(FLOW)
                .pollInterval(Duration.ofMillis(100)).until(() -> stream.accepted.get() >= target));
    }

    // -----------------------------------------------------------------------------------------------------------------
    // Kafka helpers

    private static KafkaProducer<String, byte[]> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(config);
    }

    /** Group → the topics its running members are assigned (waits until the original three groups have members). */
    private static Map<String, Set<String>> consumedTopicsByGroup() throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(config)) {
            Map<String, Set<String>> byGroup = new HashMap<>();
            await("the services' consumer groups have their partitions").atMost(FLOW).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        byGroup.clear();
                        Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(
                                List.of("referral-service", "notification-service", "reporting-service"))
                                .all().get(10, TimeUnit.SECONDS);
                        groups.forEach((group, description) -> {
                            Set<String> topics = new HashSet<>();
                            for (MemberDescription member : description.members()) {
                                member.assignment().topicPartitions().forEach(tp -> topics.add(tp.topic()));
                            }
                            byGroup.put(group, topics);
                        });
                        return byGroup.values().stream().noneMatch(Set::isEmpty);
                    });
            // bindings of one service share its group and join it one by one: give every row of the table a little
            // time to be assigned; a row still without partitions then has no consumer (yet) and is skipped
            try {
                await("every consumed topic assigned").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> {
                            Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(
                                    List.of("referral-service", "notification-service", "reporting-service"))
                                    .all().get(10, TimeUnit.SECONDS);
                            groups.forEach((group, description) -> {
                                for (MemberDescription member : description.members()) {
                                    member.assignment().topicPartitions().forEach(tp ->
                                            byGroup.computeIfAbsent(group, g -> new HashSet<>()).add(tp.topic()));
                                }
                            });
                            return CONSUMED.stream().allMatch(row -> byGroup.getOrDefault(row[1], Set.of()).contains(row[0]));
                        });
            } catch (org.awaitility.core.ConditionTimeoutException someRowsHaveNoConsumer) {
                // reported as skipped by the caller
            }
            return byGroup;
        }
    }

    private static Map<String, List<String>> readAll(java.util.function.Predicate<String> topics) {
        Map<String, List<String>> values = new HashMap<>();
        readAllBytes(topics).forEach((topic, list) -> values.put(topic,
                list.stream().map(v -> v == null ? "" : new String(v, StandardCharsets.UTF_8)).toList()));
        return values;
    }

    /** Every record of every matching topic, from the beginning to the current end. */
    private static Map<String, List<byte[]>> readAllBytes(java.util.function.Predicate<String> topics) {
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
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    values.computeIfAbsent(record.topic(), t -> new ArrayList<>()).add(record.value());
                }
            }
        }
        return values;
    }

    // -----------------------------------------------------------------------------------------------------------------
    // HTTP and process helpers

    private static HttpResponse<String> post(UUID reportId, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(services.get("intake-service").uri("/api/v1/reports"))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(15))
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String service, String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(services.get(service).uri(pathAndQuery)).timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An intervention for sexual abuse in Điện Biên Phủ: routed to SOCIAL_AFFAIRS and POLICE at least (S0 9.5a–b). */
    private static String body(UUID reportId) {
        return """
                {"reportId":"%s","receivedAt":"%s","channel":"HOTLINE_111",\
                "contactType":"INTERVENTION","concerns":["SEXUAL_ABUSE"],"severity":"HIGH",\
                "location":{"provinceCode":"11","districtCode":"094"},\
                "child":{"fullName":"Lò Thị Mai","sex":"FEMALE","ageYears":11},\
                "reporter":{"fullName":"Lường Văn Sơn","phone":"0987654321","relationship":"TEACHER",\
                "anonymous":false,"wantsFeedback":true},\
                "narrative":"Giáo viên phát hiện cháu có dấu hiệu bị xâm hại, cháu sợ hãi không dám về nhà."}"""
                .formatted(reportId, OffsetDateTime.now(ZoneOffset.ofHours(7)).minusMinutes(3).withNano(0));
    }

    private static long count(JsonNode node) {
        if (node.isNumber()) {
            return node.asLong();
        }
        for (String field : List.of("count", "total")) {
            if (node.path(field).isNumber()) {
                return node.path(field).asLong();
            }
        }
        return -1;
    }

    private static void awaitHealthy(java.util.Collection<ServiceProcess> which) {
        onFailurePrintLogs(() -> await("services healthy").atMost(STARTUP).pollInterval(Duration.ofMillis(500))
                .until(() -> which.stream().allMatch(s -> s.healthy(http))));
    }

    private static void onFailurePrintLogs(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | AssertionError e) {
            for (ServiceProcess service : services.values()) {
                System.err.printf("%n===== %s (%s) — the end of %s =====%n%s%n", service.name(),
                        service.alive() ? "running" : "exited", service.log(), service.tail(60));
            }
            throw e;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
