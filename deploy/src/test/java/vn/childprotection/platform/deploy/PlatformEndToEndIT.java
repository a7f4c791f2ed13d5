package vn.childprotection.platform.deploy;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.platform.areas.AreaMapsLoader;
import vn.childprotection.platform.access.audit.AuditChainVerifier;
import vn.childprotection.platform.contracts.AgencyReferral;
import vn.childprotection.platform.contracts.AgencyReferralEvent;
import vn.childprotection.platform.contracts.AuditRecorded;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.Ids;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.testsupport.AuditTrailReader;
import vn.childprotection.platform.testsupport.identity.TestActor;
import vn.childprotection.platform.testsupport.identity.TestIssuer;

import java.io.IOException;
import java.net.URI;
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
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The whole platform, end to end: a real Kafka broker (KRaft) and the MongoDB stand-in in this JVM, the four
 * services' exec jars as separate processes — as {@code ./platform up} runs them. A hotline report posted to intake
 * becomes agency work orders on {@code referrals.police.v1} and {@code referrals.social-affairs.v1} (routing for
 * SEXUAL_ABUSE, domain README "Default routing", S0 Art 9.5a–b), a stored case with its referrals, one notification
 * per referral, and figures in the reporting projection.
 *
 * <p>The exec jars are found by path ({@code ../<service>/target/<service>-<version>-exec.jar}); the deploy POM's
 * test dependencies on the four services make the reactor build them first.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformEndToEndIT {

    private static final String VERSION = System.getProperty("platform.version", "0.1.0-SNAPSHOT");
    private static final List<String> SERVICES =
            List.of("intake-service", "referral-service", "notification-service", "reporting-service",
                    "audit-service");
    private static final Duration STARTUP = Duration.ofSeconds(Long.getLong("e2e.startup.seconds", 240));
    private static final Duration FLOW = Duration.ofSeconds(Long.getLong("e2e.flow.seconds", 60));
    private static final String POLICE_TOPIC = Topics.referralsFor("POLICE", "11");
    private static final String SOCIAL_AFFAIRS_TOPIC = Topics.referralsFor("SOCIAL_AFFAIRS", "11");
    private static final JsonMapper JSON = EventJson.mapper();
    @TempDir
    static Path tmp;

    private static LocalKafkaBroker kafka;
    private static LocalMongoStore mongo;
    private static final Map<String, ServiceProcess> services = new HashMap<>();
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static long startupMillis;

    @BeforeAll
    static void startThePlatform() throws IOException {
        Path moduleDir = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        Map<String, Path> jars = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String service : SERVICES) {
            Path jar = moduleDir.resolveSibling(service).resolve("target").resolve(service + "-" + VERSION + "-exec.jar");
            if (!Files.isRegularFile(jar) || Files.size(jar) < 1024) {
                missing.add(jar.toString());
            }
            jars.put(service, jar);
        }
        if (!missing.isEmpty()) {
            fail("The end-to-end test runs the services' exec jars, and these are missing (or not jars): " + missing
                    + ". Build them first: `./mvnw -DskipTests package` at the repository root (a reactor build of "
                    + "`./mvnw verify` builds them before this module).");
        }

        long started = System.nanoTime();
        kafka = new LocalKafkaBroker(new LocalKafkaBroker.Settings("127.0.0.1", freePort(), freePort(),
                tmp.resolve("kafka"), Map.of("num.partitions", "3"))).start();
        // the topics made as the platform's provisioning makes them (./platform's broker does it before it is ready)
        try (Admin admin = Admin.create(kafka.adminClientProperties())) {
            KafkaProvisioning.apply(admin, KafkaProvisioning.topics(KafkaProvisioning.Settings.DEFAULT,
                    KafkaProvisioning.agencyProvincePairs(LocalPlatform.AGENCY_DIRECTORY, AreaMapsLoader.shipped())),
                    Map.of());
        }
        mongo = new LocalMongoStore(new LocalMongoStore.Settings("127.0.0.1", 0, tmp.resolve("mongo/store.mv"))).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> services.values().forEach(ServiceProcess::kill),
                "e2e-kill-services"));

        Map<String, String> environment = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "MONGODB_URI", mongo.connectionString(),
                "OIDC_ISSUER_URI", TestIssuer.shared().issuerUri(),
                // development secrets allowed, as on ./platform's stack
                "PLATFORM_LOCAL_STACK", "true",
                "REFERRAL_TOPICS_CREATE", "false",
                "SPRING_MAIN_BANNER_MODE", "off");
        Path logs = moduleDir.resolve("target/e2e-logs");
        for (String service : SERVICES) {
            services.put(service, new ServiceProcess(service, jars.get(service), freePort(), logs.resolve(service + ".log"))
                    .start(environment));
        }
        onFailurePrintLogs(() -> await("all services healthy")
                .atMost(STARTUP)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> services.values().stream().allMatch(s -> s.healthy(http))));
        startupMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("E2E: Kafka + store + services healthy in %d ms%n", startupMillis);
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
    void aHotlineReportBecomesAgencyReferralsACaseNotificationsAndFigures() throws Exception {
        UUID reportId = UUID.randomUUID();
        String expectedCaseId = Ids.caseIdFor(reportId);

        try (KafkaConsumer<String, byte[]> agencies = agencyTopicsConsumer()) {
            long postedAtEpochMillis = System.currentTimeMillis();
            long posted = System.nanoTime();
            HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(uri("intake-service", "/api/v1/reports"))
                            .header("Content-Type", "application/json")
                            .header("Authorization", TestIssuer.shared().bearer(TestActor.OPERATOR_111))
                            .POST(HttpRequest.BodyPublishers.ofString(reportBody(reportId), StandardCharsets.UTF_8))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            long answered = System.nanoTime();

            assertThat(accepted.statusCode()).as("intake answer: %s", accepted.body()).isEqualTo(202);
            JsonNode receipt = JSON.readTree(accepted.body());
            assertThat(receipt.path("reportId").asString("")).isEqualTo(reportId.toString());
            String caseId = receipt.path("caseId").asString("");
            assertThat(caseId).as("the case id is derived from the report id (Ids.caseIdFor)").isEqualTo(expectedCaseId);
            assertThat(receipt.path("status").asString("")).isNotBlank();

            // 1. the agencies' work orders (S0 Art 9.5a social affairs, 9.5b police)
            Map<String, ConsumerRecord<String, byte[]>> firstByTopic = new HashMap<>();
            Map<String, Long> seenAtByTopic = new HashMap<>();
            onFailurePrintLogs(() -> await("AgencyReferral records on " + POLICE_TOPIC + " and " + SOCIAL_AFFAIRS_TOPIC)
                    .atMost(FLOW)
                    .pollInSameThread()
                    .pollInterval(Duration.ZERO)
                    .until(() -> {
                        for (ConsumerRecord<String, byte[]> record : agencies.poll(Duration.ofMillis(50))) {
                            if (caseId.equals(record.key())) {
                                firstByTopic.putIfAbsent(record.topic(), record);
                                seenAtByTopic.putIfAbsent(record.topic(), System.nanoTime());
                            }
                        }
                        return firstByTopic.containsKey(POLICE_TOPIC) && firstByTopic.containsKey(SOCIAL_AFFAIRS_TOPIC);
                    }));
            assertAgencyReferral(firstByTopic.get(POLICE_TOPIC), caseId, "POLICE");
            assertAgencyReferral(firstByTopic.get(SOCIAL_AFFAIRS_TOPIC), caseId, "SOCIAL_AFFAIRS");
            System.out.printf("E2E: POST answered 202 in %d ms; intake -> %s visible after %d ms, -> %s after %d ms "
                            + "(record timestamp - POST: %d ms)%n",
                    (answered - posted) / 1_000_000,
                    POLICE_TOPIC, (seenAtByTopic.get(POLICE_TOPIC) - posted) / 1_000_000,
                    SOCIAL_AFFAIRS_TOPIC, (seenAtByTopic.get(SOCIAL_AFFAIRS_TOPIC) - posted) / 1_000_000,
                    firstByTopic.get(POLICE_TOPIC).timestamp() - postedAtEpochMillis);

            // 2. the stored case and its referrals (referral-service)
            JsonNode[] caseView = new JsonNode[1];
            onFailurePrintLogs(() -> await("the case with its referrals on referral-service")
                    .atMost(FLOW)
                    .pollInterval(Duration.ofMillis(300))
                    .untilAsserted(() -> {
                        HttpResponse<String> response = get("referral-service", "/api/v1/cases/" + caseId);
                        assertThat(response.statusCode()).as("GET case: %s", response.body()).isEqualTo(200);
                        JsonNode body = JSON.readTree(response.body());
                        assertThat(body.path("caseId").asString("")).isEqualTo(caseId);
                        JsonNode referrals = body.path("referrals");
                        assertThat(referrals.isArray()).as("referrals array in %s", response.body()).isTrue();
                        assertThat(agenciesOf(referrals)).contains("POLICE", "SOCIAL_AFFAIRS");
                        caseView[0] = body;
                    }));
            int referralCount = caseView[0].path("referrals").size();

            // 3. one notification per referral (notification-service)
            onFailurePrintLogs(() -> await("one notification per referral on notification-service")
                    .atMost(FLOW)
                    .pollInterval(Duration.ofMillis(300))
                    .untilAsserted(() -> {
                        HttpResponse<String> response = get("notification-service", "/api/v1/notifications?caseId=" + caseId);
                        assertThat(response.statusCode()).as("GET notifications: %s", response.body()).isEqualTo(200);
                        JsonNode items = firstArray(JSON.readTree(response.body()));
                        // one per referral; escalations to the coordinator (S0 Art 5.4) carry no referral id
                        List<JsonNode> forReferrals = new ArrayList<>();
                        items.forEach(item -> {
                            if (!item.path("referralId").asString("").isEmpty()) {
                                forReferrals.add(item);
                            }
                        });
                        assertThat(forReferrals).as("notifications for referrals in %s", response.body())
                                .hasSize(referralCount);
                        assertThat(forReferrals.stream().map(n -> n.path("referralId").asString()).distinct())
                                .hasSize(referralCount);
                        assertThat(agenciesOf(items)).contains("POLICE", "SOCIAL_AFFAIRS");
                    }));

            // 4. the figures (reporting-service)
            onFailurePrintLogs(() -> await("the report counted in the reporting projection")
                    .atMost(FLOW)
                    .pollInterval(Duration.ofMillis(300))
                    .untilAsserted(() -> {
                        HttpResponse<String> response = get("reporting-service", "/api/v1/stats/overview");
                        assertThat(response.statusCode()).as("GET overview: %s", response.body()).isEqualTo(200);
                        JsonNode overview = JSON.readTree(response.body());
                        // this platform has seen this one report and nothing else
                        assertThat(count(overview.path("reports"))).as("reports in %s", response.body()).isEqualTo(1);
                        assertThat(count(overview.path("byAgency").path("POLICE"))).as("byAgency.POLICE in %s",
                                response.body()).isEqualTo(1);
                    }));
        }
    }

    /**
     * Who may do what, on the running processes: the national line's operator submits; the Điện Biên police officer
     * finds the referral among its unit's, reads it and accepts it; the Hà Nội police officer gets the 404 of a
     * referral that does not exist; the Điện Biên police's system answering as the health service is refused; a
     * request without a token gets 401. The audit trail holds every one of those, each producer's chain intact.
     */
    @Test
    @Order(2)
    void everyRoleGetsOnlyWhatItsScopeAllowsAndTheAuditTrailHoldsEveryStepWithAnIntactChain() throws Exception {
        UUID reportId = UUID.randomUUID();
        String caseId = Ids.caseIdFor(reportId);
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri("intake-service", "/api/v1/reports"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(reportBody(reportId), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> submitted = postAs(TestActor.OPERATOR_111, "intake-service", "/api/v1/reports",
                reportBody(reportId));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);

        String[] referralId = new String[1];
        onFailurePrintLogs(() -> await("the police referral among the Điện Biên police's")
                .atMost(FLOW)
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> {
                    HttpResponse<String> list = getAs(TestActor.POLICE_11, "referral-service",
                            "/api/v1/referrals?size=200");
                    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
                    JsonNode mine = null;
                    for (JsonNode item : JSON.readTree(list.body()).path("items")) {
                        assertThat(item.path("agency").asString()).isEqualTo("POLICE");
                        if (caseId.equals(item.path("caseId").asString())) {
                            mine = item;
                        }
                    }
                    assertThat(mine).as("the case's police referral in %s", list.body()).isNotNull();
                    referralId[0] = mine.path("referralId").asString();
                }));
        String path = "/api/v1/referrals/" + referralId[0];
        HttpResponse<String> read = getAs(TestActor.POLICE_11, "referral-service", path);
        HttpResponse<String> haNoi = getAs(TestActor.POLICE_01, "referral-service", path);
        HttpResponse<String> asHealth = postAs(TestActor.POLICE_11_SYSTEM, "referral-service", path + "/responses",
                "{\"responseId\":\"police-system-" + UUID.randomUUID() + "\",\"agency\":\"HEALTH\","
                        + "\"caseId\":\"" + caseId + "\","
                        + "\"action\":\"ACKNOWLEDGED\",\"occurredAt\":\"" + java.time.Instant.now() + "\"}");
        HttpResponse<String> accepted = postAs(TestActor.POLICE_11, "referral-service", path + "/responses",
                "{\"responseId\":\"police-11-" + UUID.randomUUID() + "\",\"action\":\"ACCEPTED\","
                        + "\"caseId\":\"" + caseId + "\","
                        + "\"occurredAt\":\"" + java.time.Instant.now() + "\"}");

        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).path("brief").path("child").path("fullName").asString())
                .isEqualTo("Nguyễn Thị Hoa");
        assertThat(read.body()).doesNotContain("Trần Văn Bình");
        assertThat(haNoi.statusCode()).isEqualTo(404);
        assertThat(asHealth.statusCode()).isEqualTo(403);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);

        try (AuditTrailReader trail = new AuditTrailReader(kafka.bootstrapServers())) {
            onFailurePrintLogs(() -> await("every step in the audit trail")
                    .atMost(FLOW)
                    .pollInterval(Duration.ofMillis(300))
                    .untilAsserted(() -> assertThat(trail.records())
                            .anySatisfy(r -> assertRecord(r, "AUTHENTICATE", null, "REFUSED", 401))
                            .anySatisfy(r -> assertRecord(r, "SUBMIT_REPORT", TestActor.OPERATOR_111, "ALLOWED", 202))
                            .anySatisfy(r -> assertRecord(r, "READ_REFERRAL", TestActor.POLICE_11, "ALLOWED", 200))
                            .anySatisfy(r -> assertRecord(r, "READ_REFERRAL", TestActor.POLICE_01, "REFUSED", 404))
                            .anySatisfy(r -> assertRecord(r, "RESPOND_TO_REFERRAL", TestActor.POLICE_11_SYSTEM,
                                    "REFUSED", 403))
                            .anySatisfy(r -> assertRecord(r, "RESPOND_TO_REFERRAL", TestActor.POLICE_11, "ALLOWED",
                                    200))));
            assertThat(trail.verifyChains()).isInstanceOf(AuditChainVerifier.Intact.class);
        }
        // the audit service stored them: the auditor finds the case's records, and every chain verifies
        onFailurePrintLogs(() -> await("the case's records in audit-service")
                .atMost(FLOW)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    HttpResponse<String> stored = getAs(TestActor.AUDITOR, "audit-service",
                            "/api/v1/audit?caseId=" + caseId + "&size=100");
                    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
                    List<String> actions = new ArrayList<>();
                    JSON.readTree(stored.body()).path("items").forEach(item -> actions.add(
                            item.path("action").asString() + " " + item.path("outcome").asString()));
                    assertThat(actions).contains("SUBMIT_REPORT ALLOWED", "READ_REFERRAL ALLOWED",
                            "READ_REFERRAL REFUSED", "RESPOND_TO_REFERRAL REFUSED", "RESPOND_TO_REFERRAL ALLOWED");
                }));
        HttpResponse<String> verification = getAs(TestActor.AUDITOR, "audit-service", "/api/v1/audit/verification");
        assertThat(verification.statusCode()).as(verification.body()).isEqualTo(200);
        assertThat(JSON.readTree(verification.body()).path("intact").asBoolean()).as(verification.body()).isTrue();
        assertThat(getAs(TestActor.COORDINATOR_11, "audit-service", "/api/v1/audit").statusCode()).isEqualTo(403);
        try (AuditTrailReader trail = new AuditTrailReader(kafka.bootstrapServers())) {
            assertThat(trail.records()).allSatisfy(r -> assertThat(r.toString())
                    .doesNotContain("Nguyễn", "Trần", "0912345678", "Hàng xóm"));
            System.out.printf("E2E: %d audit records, chains intact%n", trail.records().size());
        }
    }

    private static void assertRecord(AuditRecorded record, String action, TestActor actor, String outcome,
                                     int status) {
        assertThat(record.action()).isEqualTo(action);
        assertThat(record.subject()).isEqualTo(actor == null ? null : actor.subject());
        assertThat(record.outcome()).isEqualTo(outcome);
        assertThat(record.status()).isEqualTo(status);
    }

    private static void assertAgencyReferral(ConsumerRecord<String, byte[]> record, String caseId, String agency) {
        assertThat(record.key()).as("keyed by case id").isEqualTo(caseId);
        AgencyReferral referral = (AgencyReferral) EventJson.read(record.value(), AgencyReferralEvent.class);
        assertThat(referral.caseId()).isEqualTo(caseId);
        assertThat(referral.agency()).isEqualTo(agency);
        assertThat(referral.child().fullName()).as("the agency needs to find the child").isEqualTo("Nguyễn Thị Hoa");
        for (Header header : record.headers()) {
            String value = header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
            assertThat(value).as("header %s carries no personal data", header.key())
                    .doesNotContain("Nguyễn", "Trần", "0912345678", "Hàng xóm");
        }
    }

    private static KafkaConsumer<String, byte[]> agencyTopicsConsumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config);
        // the provisioning made the agencies' topics before the services started (as agency systems find them); read
        // every partition of each: the key (case id) decides the partition
        List<TopicPartition> partitions = new ArrayList<>();
        await("referral-service created " + POLICE_TOPIC + " and " + SOCIAL_AFFAIRS_TOPIC).atMost(FLOW).until(() -> {
            partitions.clear();
            for (String topic : List.of(POLICE_TOPIC, SOCIAL_AFFAIRS_TOPIC)) {
                consumer.listTopics(Duration.ofSeconds(5)).getOrDefault(topic, List.of())
                        .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
            return partitions.stream().map(TopicPartition::topic).distinct().count() == 2;
        });
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        consumer.poll(Duration.ofMillis(100)); // connects and fetches positions before the clock starts
        return consumer;
    }

    private static List<String> agenciesOf(JsonNode items) {
        List<String> agencies = new ArrayList<>();
        for (JsonNode item : items) {
            JsonNode agency = item.path("agency");
            if (agency.isObject()) {
                agency = agency.path("code");
            }
            agencies.add(agency.asString(""));
        }
        return agencies;
    }

    /** The list in a response: the body itself, or its first array property ({@code items}, {@code content}, …). */
    private static JsonNode firstArray(JsonNode body) {
        if (body.isArray()) {
            return body;
        }
        for (JsonNode value : body) {
            if (value.isArray()) {
                return value;
            }
        }
        throw new AssertionError("no list in " + body);
    }

    /** A count that is either a number or an object with {@code count}/{@code total}. */
    private static long count(JsonNode node) {
        if (node.isNumber()) {
            return node.asLong();
        }
        for (String field : List.of("count", "total", "referrals", "cases")) {
            if (node.path(field).isNumber()) {
                return node.path(field).asLong();
            }
        }
        return 0;
    }

    /** A GET as a coordinator of every province. */
    private static HttpResponse<String> get(String service, String pathAndQuery) throws IOException, InterruptedException {
        return getAs(TestActor.NATIONAL_COORDINATOR, service, pathAndQuery);
    }

    private static HttpResponse<String> getAs(TestActor actor, String service, String pathAndQuery)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(service, pathAndQuery)).timeout(Duration.ofSeconds(5))
                        .header("Authorization", TestIssuer.shared().bearer(actor)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postAs(TestActor actor, String service, String path, String json)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(service, path)).timeout(Duration.ofSeconds(10))
                        .header("Authorization", TestIssuer.shared().bearer(actor))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String service, String pathAndQuery) {
        return services.get(service).uri(pathAndQuery);
    }

    private static void onFailurePrintLogs(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | AssertionError e) {
            printServiceLogs();
            throw e;
        }
    }

    private static void printServiceLogs() {
        for (ServiceProcess service : services.values()) {
            System.err.printf("%n===== %s (%s, port %d) — the end of %s =====%n%s%n", service.name(),
                    service.alive() ? "running" : "exited", service.port(), service.log(), service.tail(80));
        }
    }

    private static int freePort() throws IOException {
        return FreePorts.next();
    }

    private static String reportBody(UUID reportId) {
        return """
                {"reportId":"%s","receivedAt":"%s","channel":"HOTLINE_111",\
                "contactType":"INTERVENTION","concerns":["SEXUAL_ABUSE"],"severity":"HIGH",\
                "location":{"provinceCode":"11","communeCode":"03127"},\
                "child":{"fullName":"Nguyễn Thị Hoa","sex":"FEMALE","ageYears":12},\
                "reporter":{"fullName":"Trần Văn Bình","phone":"0912345678","relationship":"NEIGHBOUR",\
                "anonymous":false,"wantsFeedback":true},\
                "narrative":"Hàng xóm nghe thấy tiếng kêu cứu của cháu bé vào ban đêm."}""".formatted(reportId,
                // received a few minutes ago by the hotline, in Vietnam's time zone
                OffsetDateTime.now(ZoneOffset.ofHours(7)).minusMinutes(5).withNano(0));
    }
}
