package vn.childprotection.platform.notification.it;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.notification.domain.WebhookSignature;
import vn.childprotection.platform.notification.fixtures.TestHttpReceiver;
import vn.childprotection.platform.testsupport.TestKafka;
import vn.childprotection.platform.testsupport.identity.TestIssuer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.newCaseId;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.referral;

/**
 * The agency loop's delivery end to end: case events in, signed webhook calls out to a real HTTP receiver on
 * loopback, a failing agency endpoint beside a healthy one, the dead-letter topic, and the operator's retry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class NotificationDeliveryScenario {

    static final String FAILED_TOPIC = "notifications.failed.v1";
    static final String DLT = NotificationFlowScenario.DLT;
    private static final int MAX_ATTEMPTS = 3;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String POLICE_SECRET = "police-test-secret";
    private static final String HEALTH_SECRET = "health-test-secret";
    static final TestHttpReceiver AGENCIES = new TestHttpReceiver();

    @DynamicPropertySource
    static void agencyEndpoints(DynamicPropertyRegistry registry) {
        registry.add("notification.directory.agencies[0].agency", () -> Agencies.POLICE);
        registry.add("notification.directory.agencies[0].focal-point", () -> "focal-point@police.local");
        registry.add("notification.directory.agencies[0].recipients[0].channel", () -> "WEBHOOK");
        registry.add("notification.directory.agencies[0].recipients[0].address", () -> AGENCIES.url("/police/hook"));
        registry.add("notification.directory.agencies[0].recipients[0].secret-ref", () -> "it.secrets.police");
        registry.add("notification.directory.agencies[1].agency", () -> Agencies.HEALTH);
        registry.add("notification.directory.agencies[1].focal-point", () -> "focal-point@health.local");
        registry.add("notification.directory.agencies[1].recipients[0].channel", () -> "WEBHOOK");
        registry.add("notification.directory.agencies[1].recipients[0].address", () -> AGENCIES.url("/health/hook"));
        registry.add("notification.directory.agencies[1].recipients[0].secret-ref", () -> "it.secrets.health");
        registry.add("it.secrets.police", () -> POLICE_SECRET);
        registry.add("it.secrets.health", () -> HEALTH_SECRET);
        registry.add("notification.delivery.poll-interval", () -> "100ms");
        registry.add("notification.delivery.deferral", () -> "1s");
        registry.add("notification.delivery.retry.max-attempts", () -> MAX_ATTEMPTS);
        registry.add("notification.delivery.retry.initial-backoff", () -> "20ms");
        registry.add("notification.delivery.retry.max-backoff", () -> "100ms");
        registry.add("notification.channels.webhook.request-timeout", () -> "1s");
    }

    @AfterAll
    static void stopReceiver() {
        AGENCIES.close();
    }

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestIssuer.register(registry);
    }

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

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
    void aFailingAgencyEndpointFailsAloneIsDeadLetteredAndIsDeliveredOnceOnRetryWhileTheHealthyOneGetsOneCall()
            throws Exception {
        AGENCIES.answer("/health/hook", 503);
        String caseId = newCaseId();
        ReferralIssued police = referral(caseId).agency(Agencies.POLICE).build();
        ReferralIssued health = referral(caseId).agency(Agencies.HEALTH).build();

        publish(police);
        publish(health);

        await().atMost(WAIT).untilAsserted(() -> assertThat(webhookOf(caseId, Agencies.HEALTH).path("status")
                .asString()).isEqualTo("FAILED"));
        JsonNode policeHook = webhookOf(caseId, Agencies.POLICE);
        JsonNode healthHook = webhookOf(caseId, Agencies.HEALTH);
        assertThat(policeHook.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(policeHook.path("attempts").asInt()).isEqualTo(1);
        assertThat(healthHook.path("attempts").asInt()).isEqualTo(MAX_ATTEMPTS);
        assertThat(healthHook.path("lastError").asString()).isEqualTo("HTTP_503");
        assertThat(healthHook.path("recipient").asString()).isEqualTo(AGENCIES.url("/health/hook"));
        assertThat(get("/api/v1/notifications?caseId=" + caseId).path("totalElements").asLong()).isEqualTo(4);

        String policeId = policeHook.path("notificationId").asString();
        String healthId = healthHook.path("notificationId").asString();
        var policeCalls = callsWithKey("/police/hook", policeId);
        assertThat(policeCalls).hasSize(1);
        assertThat(WebhookSignature.verify(policeCalls.getFirst().header(WebhookSignature.HEADER),
                policeCalls.getFirst().body(), WebhookSignature.secretBytes(POLICE_SECRET), Clock.systemUTC())
                .isValid()).isTrue();
        assertThat(callsWithKey("/health/hook", healthId)).hasSize(MAX_ATTEMPTS);

        JsonNode deadLetter = readFailedUntil(caseId, healthId);
        assertThat(deadLetter.path("caseId").asString()).isEqualTo(caseId);
        assertThat(deadLetter.path("kind").asString()).isEqualTo("REFERRAL_ISSUED");
        assertThat(deadLetter.path("channel").asString()).isEqualTo("WEBHOOK");
        assertThat(deadLetter.path("agency").asString()).isEqualTo(Agencies.HEALTH);
        assertThat(deadLetter.path("error").asString()).isEqualTo("HTTP_503");
        assertThat(deadLetter.path("attempts").asInt()).isEqualTo(MAX_ATTEMPTS);
        assertThat(deadLetter.has("recipient")).isFalse();

        // a redelivered event sends nothing again
        publish(police);
        publish(health);
        await().during(Duration.ofSeconds(1)).atMost(WAIT).untilAsserted(() -> {
            assertThat(callsWithKey("/police/hook", policeId)).hasSize(1);
            assertThat(callsWithKey("/health/hook", healthId)).hasSize(MAX_ATTEMPTS);
        });

        // the operator retries once the agency's endpoint is back: same idempotency key, delivered once
        AGENCIES.answer("/health/hook", 200);
        HttpResponse<String> accepted = post("/api/v1/notifications/" + healthId + "/retry");
        assertThat(accepted.statusCode()).isEqualTo(202);
        await().atMost(WAIT).untilAsserted(() -> assertThat(webhookOf(caseId, Agencies.HEALTH).path("status")
                .asString()).isEqualTo("DELIVERED"));
        assertThat(webhookOf(caseId, Agencies.HEALTH).path("attempts").asInt()).isEqualTo(MAX_ATTEMPTS + 1);
        assertThat(callsWithKey("/health/hook", healthId)).hasSize(MAX_ATTEMPTS + 1);
        assertThat(callsWithKey("/police/hook", policeId)).hasSize(1);

        HttpResponse<String> conflict = post("/api/v1/notifications/" + healthId + "/retry");
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(conflict.body()).path("reason").asString()).isEqualTo("ALREADY_DELIVERED");

        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(uri("/actuator/prometheus"))
                        .header("Authorization", Callers.authorization("/actuator/prometheus")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).contains("resilience4j_circuitbreaker_state")
                .contains("notifications_total{").contains("channel=\"WEBHOOK\"");
    }

    @Test
    void retryingAnUnknownNotificationIsA404AndABadIdA400Problem() throws Exception {
        HttpResponse<String> unknown = post("/api/v1/notifications/" + UUID.randomUUID() + "/retry");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));

        HttpResponse<String> bad = post("/api/v1/notifications/not-a-uuid/retry");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private List<TestHttpReceiver.Received> callsWithKey(String path, String idempotencyKey) {
        return AGENCIES.received(path).stream()
                .filter(r -> idempotencyKey.equals(r.header(WebhookSignature.IDEMPOTENCY_KEY_HEADER)))
                .toList();
    }

    private JsonNode webhookOf(String caseId, String agency) throws Exception {
        for (JsonNode item : get("/api/v1/notifications?caseId=" + caseId + "&agency=" + agency).path("items")) {
            if (item.path("channel").asString().equals("WEBHOOK")) {
                return item;
            }
        }
        throw new AssertionError("no webhook notification yet for " + agency);
    }

    private JsonNode readFailedUntil(String caseId, String notificationId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-failed-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, JsonNode> byId = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(FAILED_TOPIC));
            await().atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                    if (caseId.equals(record.key())) {
                        JsonNode value = JSON.readTree(record.value());
                        byId.put(value.path("notificationId").asString(), value);
                    }
                }
                return byId.containsKey(notificationId);
            });
        }
        return byId.get(notificationId);
    }

    private void publish(CaseEvent event) {
        try {
            producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, event.caseId(), EventJson.write(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the test message", e);
        }
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", Callers.authorization(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", Callers.authorization(path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

}
