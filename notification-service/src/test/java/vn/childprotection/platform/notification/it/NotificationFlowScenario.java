package vn.childprotection.platform.notification.it;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.platform.contracts.Agencies;
import vn.childprotection.platform.contracts.CaseEvent;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.ReferralIssued;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.notification.adapter.in.messaging.CaseEventConsumer;
import vn.childprotection.platform.notification.adapter.out.metrics.MicrometerNotificationMetrics;
import vn.childprotection.platform.notification.domain.NotificationIds;
import vn.childprotection.platform.support.security.EndpointOperations;
import vn.childprotection.platform.testsupport.TestKafka;
import vn.childprotection.platform.testsupport.identity.EndpointMatrix;
import vn.childprotection.platform.testsupport.identity.TestActor;
import vn.childprotection.platform.testsupport.identity.TestIssuer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.caseOpened;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.newCaseId;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.referral;

/**
 * The notification flow end to end: case events in on {@code case.events.v1}, notifications out through the API.
 * Run against the embedded broker and store ({@code *EmbeddedIT}) and real images ({@code *ContainersIT}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.bindings.onCaseEvent-in-0.consumer.back-off-initial-interval=100",
        "spring.cloud.stream.bindings.onCaseEvent-in-0.consumer.back-off-max-interval=200"})
abstract class NotificationFlowScenario {

    /** {@code Topics.deadLetterOf(CASE_EVENTS, "notification-service")}, spelled out to be usable in annotations. */
    static final String DLT = Topics.CASE_EVENTS + ".notification-service" + Topics.DEAD_LETTER_SUFFIX;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestIssuer.register(registry);
    }

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    MeterRegistry meters;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void openProducer() {
        producer = TestKafka.producer(bootstrapServers);
    }

    @AfterEach
    void closeProducer() {
        producer.close(Duration.ofSeconds(5));
    }

    @Test
    void referralsOfACaseAreRecordedOnceEachForTheAgencysFocalPointAndARedeliveryChangesNothing() throws Exception {
        String caseId = newCaseId();
        List<CaseEvent> events = List.of(
                caseOpened(caseId, 3),
                referral(caseId).agency(Agencies.SOCIAL_AFFAIRS).role(ReferralRole.INFORMED).areaCode("11").build(),
                referral(caseId).agency(Agencies.POLICE).areaCode("094").build(),
                referral(caseId).agency(Agencies.HEALTH).role(ReferralRole.SUPPORTING).areaCode("01").build());
        double delivered = notificationsCount("REFERRAL_ISSUED", "RECORDED", "DELIVERED");

        events.forEach(this::publish);

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(get("/api/v1/notifications?caseId=" + caseId).path("totalElements").asLong()).isEqualTo(3));
        JsonNode page = get("/api/v1/notifications?caseId=" + caseId);
        Map<String, String> recipientByAgency = new HashMap<>();
        for (JsonNode item : page.path("items")) {
            recipientByAgency.put(item.path("agency").asString(), item.path("recipient").asString());
            assertThat(item.path("status").asString()).isEqualTo("DELIVERED");
            assertThat(item.path("kind").asString()).isEqualTo("REFERRAL_ISSUED");
            assertThat(item.path("channel").asString()).isEqualTo("RECORDED");
            assertThat(item.path("attempts").asInt()).isEqualTo(1);
            assertThat(item.path("caseId").asString()).isEqualTo(caseId);
            assertThat(item.path("notificationId").asString())
                    .isEqualTo(NotificationIds.forReferral(item.path("referralId").asString()));
            assertThat(item.has("createdAt")).isTrue();
        }
        assertThat(recipientByAgency).containsExactlyInAnyOrderEntriesOf(Map.of(
                Agencies.SOCIAL_AFFAIRS, "focal-point.11@social-affairs.local",
                Agencies.POLICE, "focal-point@police.local",
                Agencies.HEALTH, "focal-point@health.local"));
        assertThat(notificationsCount("REFERRAL_ISSUED", "RECORDED", "DELIVERED")).isEqualTo(delivered + 3);

        double duplicates = consumed("duplicate");
        events.forEach(this::publish);

        await().atMost(WAIT).until(() -> consumed("duplicate") >= duplicates + 3);
        JsonNode after = get("/api/v1/notifications?caseId=" + caseId);
        assertThat(after.path("totalElements").asLong()).isEqualTo(3);
        assertThat(after.path("items")).isEqualTo(page.path("items"));

        String oneId = page.path("items").get(0).path("notificationId").asString();
        HttpResponse<String> one = send("/api/v1/notifications/" + oneId);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(one.body())).isEqualTo(page.path("items").get(0));

        JsonNode police = get("/api/v1/notifications?caseId=" + caseId + "&agency=POLICE&status=DELIVERED");
        assertThat(police.path("totalElements").asLong()).isEqualTo(1);
        assertThat(get("/api/v1/notifications?caseId=" + caseId + "&status=FAILED").path("totalElements").asLong())
                .isZero();
        JsonNode firstPage = get("/api/v1/notifications?caseId=" + caseId + "&size=2&page=1");
        assertThat(firstPage.path("items").size()).isEqualTo(1);
        assertThat(firstPage.path("totalPages").asInt()).isEqualTo(2);
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicWithoutRetryAndTheNextEventIsStillProcessed() throws Exception {
        String poisonKey = "poison-" + UUID.randomUUID();
        double malformed = consumed("malformed");
        String caseId = newCaseId();
        ReferralIssued next = referral(caseId).agency(Agencies.POLICE).build();

        publishRaw(poisonKey, "{\"eventType\":\"ReferralIssued.v1\", this is not json".getBytes(StandardCharsets.UTF_8));
        publish(next);

        List<ConsumerRecord<String, byte[]>> deadLetters = readDeadLettersUntilKey(poisonKey);
        assertThat(deadLetters).anySatisfy(record -> assertThat(record.key()).isEqualTo(poisonKey));
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(get("/api/v1/notifications?caseId=" + caseId).path("totalElements").asLong()).isEqualTo(1));
        assertThat(consumed("malformed")).as("read once: not retried").isEqualTo(malformed + 1);
    }

    @Test
    void anUnknownFutureEventTypeIsSkippedNotDeadLettered() throws Exception {
        String unknownKey = "unknown-" + UUID.randomUUID();
        String markerKey = "marker-" + UUID.randomUUID();
        double skipped = consumed("skipped_unknown_type");

        publishRaw(unknownKey, ("{\"eventType\":\"SomethingNew.v9\",\"eventId\":\"" + UUID.randomUUID()
                + "\",\"caseId\":\"" + newCaseId() + "\",\"occurredAt\":\"2025-03-10T02:15:30Z\"}")
                .getBytes(StandardCharsets.UTF_8));
        // a poison message after it: once it is dead-lettered, the unknown one (same partition, earlier) was handled
        publishRaw(markerKey, "not json at all".getBytes(StandardCharsets.UTF_8));

        List<ConsumerRecord<String, byte[]>> deadLetters = readDeadLettersUntilKey(markerKey);
        assertThat(deadLetters).noneSatisfy(record -> assertThat(record.key()).isEqualTo(unknownKey));
        assertThat(consumed("skipped_unknown_type")).isEqualTo(skipped + 1);
    }

    @Test
    void aCoordinatorSeesOnlyItsProvincesNotificationsAndOtherRolesAreRefused() throws Exception {
        String caseId = newCaseId();
        publish(caseOpened(caseId, 3));
        publish(referral(caseId).agency(Agencies.POLICE).areaCode("094").build());
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(get("/api/v1/notifications?caseId=" + caseId).path("totalElements").asLong()).isEqualTo(1));
        String list = "/api/v1/notifications?caseId=" + caseId;
        String id = get(list).path("items").get(0).path("notificationId").asString();

        JsonNode dienBien = JSON.readTree(sendAs(TestActor.COORDINATOR_11, list).body());
        JsonNode haNoi = JSON.readTree(sendAs(TestActor.COORDINATOR_01, list).body());
        HttpResponse<String> haNoiOne = sendAs(TestActor.COORDINATOR_01, "/api/v1/notifications/" + id);
        HttpResponse<String> unknownOne = sendAs(TestActor.COORDINATOR_01, "/api/v1/notifications/" + UUID.randomUUID());
        HttpResponse<String> analyst = sendAs(TestActor.ANALYST_11, list);
        HttpResponse<String> officer = sendAs(TestActor.POLICE_11, "/api/v1/notifications/" + id);
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + list)).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(dienBien.path("totalElements").asLong()).isEqualTo(1);
        assertThat(haNoi.path("totalElements").asLong()).as("a count never includes another province's").isZero();
        assertThat(haNoi.path("items")).isEmpty();
        assertThat(haNoiOne.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(haNoiOne.body()).path("title").asString())
                .isEqualTo(JSON.readTree(unknownOne.body()).path("title").asString());
        assertThat(analyst.statusCode()).isEqualTo(403);
        assertThat(officer.statusCode()).isEqualTo(403);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    /**
     * Every cell of this service's rows of the roles × endpoints matrix (docs/authorization.md): a token of each role
     * is let in exactly where the policy lets that role, 403 elsewhere, 401 without a token.
     */
    @Test
    void everyEndpointRefusesExactlyTheRolesTheMatrixRefusesAndEveryoneWithoutAToken(
            @Autowired EndpointOperations endpoints) {
        List<EndpointMatrix.Row> rows = endpoints.endpoints().stream()
                .map(e -> new EndpointMatrix.Row(e.method().name(), e.pattern(), e.operations()))
                .toList();

        assertThat(EndpointMatrix.check("notification", "http://127.0.0.1:" + port, rows,
                java.nio.file.Path.of("..", "docs", "authorization.md"))).isEmpty();
    }

    @Test
    void anUnknownNotificationIdIsA404Problem() throws Exception {
        HttpResponse<String> response = send("/api/v1/notifications/" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).path("title").asString()).isEqualTo("Notification not found");
    }

    @Test
    void badQueryParametersAre400ProblemsNamingEachParameter() throws Exception {
        assertBadRequestNaming("/api/v1/notifications?caseId=not-a-uuid", "caseId");
        assertBadRequestNaming("/api/v1/notifications?status=SENT", "status");
        assertBadRequestNaming("/api/v1/notifications?size=1000", "size");
        assertBadRequestNaming("/api/v1/notifications?page=-1", "page");
        assertBadRequestNaming("/api/v1/notifications?agency=police", "agency");
        assertBadRequestNaming("/api/v1/notifications/12345", "id");
    }

    @Test
    void theApiIsDocumentedAndTheServiceReportsReadiness() throws Exception {
        JsonNode docs = JSON.readTree(send("/v3/api-docs").body());
        assertThat(docs.path("paths").has("/api/v1/notifications")).isTrue();
        assertThat(docs.path("paths").has("/api/v1/notifications/{id}")).isTrue();

        HttpResponse<String> readiness = send("/actuator/health/readiness");
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        assertThat(JSON.readTree(readiness.body()).path("status").asString()).isEqualTo("UP");
        assertThat(send("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    private void assertBadRequestNaming(String path, String parameter) throws Exception {
        HttpResponse<String> response = send(path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asString()));
        assertThat(fields).as(path).containsExactly(parameter);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    private void publish(CaseEvent event) {
        publishRaw(event.caseId(), EventJson.write(event));
    }

    private void publishRaw(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the test message", e);
        }
    }

    private List<ConsumerRecord<String, byte[]>> readDeadLettersUntilKey(String key) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-dlt-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(DLT));
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(250)).forEach(seen::add);
                return seen.stream().anyMatch(record -> key.equals(record.key()));
            });
        }
        return seen;
    }

    private double consumed(String outcome) {
        Counter counter = meters.find(CaseEventConsumer.CASE_EVENTS_CONSUMED).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private double notificationsCount(String kind, String channel, String status) {
        Counter counter = meters.find(MicrometerNotificationMetrics.NOTIFICATIONS)
                .tags("kind", kind, "channel", channel, "status", status).counter();
        return counter == null ? 0 : counter.count();
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send(path);
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String path) throws Exception {
        return sendAs(Callers.authorization(path), path);
    }

    private HttpResponse<String> sendAs(TestActor actor, String path) throws Exception {
        return sendAs(TestIssuer.shared().bearer(actor), path);
    }

    private HttpResponse<String> sendAs(String authorization, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10)).header("Authorization", authorization).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

}
