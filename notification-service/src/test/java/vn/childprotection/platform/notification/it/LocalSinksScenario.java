package vn.childprotection.platform.notification.it;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.platform.contracts.Agencies;
import vn.childprotection.platform.contracts.Event;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.ReferralIssued;
import vn.childprotection.platform.contracts.ReferralOutcome;
import vn.childprotection.platform.contracts.ReferralOverdue;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.notification.adapter.out.channel.EmailChannel;
import vn.childprotection.platform.notification.domain.NotificationIds;
import vn.childprotection.platform.testsupport.identity.TestIssuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.caseOpened;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.completed;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.newCaseId;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.overdue;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.referral;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.report;

/**
 * The local stack's loop on one machine (profile {@code local-sinks}): a referral reaches the police's system by a
 * signed webhook and its duty phone by SMS, and the health agency's duty mailbox by e-mail over a real SMTP server,
 * each into the service's own loopback sinks. Ports are free ones found at start (the sinks' URLs need the port).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("local-sinks")
abstract class LocalSinksScenario {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final int HTTP_PORT = freePort();
    static final int SMTP_PORT = freePort();

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> HTTP_PORT);
        registry.add("notification.channels.email.port", () -> SMTP_PORT);
        registry.add("notification.delivery.poll-interval", () -> "100ms");
    }

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestIssuer.register(registry);
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aReferralReachesTheAgencysWebhookSmsAndMailboxSinksOnceEach() throws Exception {
        String caseId = newCaseId();
        ReferralIssued police = referral(caseId).agency(Agencies.POLICE).build();
        ReferralIssued health = referral(caseId).agency(Agencies.HEALTH).build();
        publish(police, health);

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode items = get("/api/v1/notifications?caseId=" + caseId).path("items");
            assertThat(items).hasSize(5);
            items.forEach(item -> assertThat(item.path("status").asString())
                    .as(item.path("channel").asString()).isEqualTo("DELIVERED"));
        });
        String policeHookId = idOf(caseId, Agencies.POLICE, "WEBHOOK");
        String policeSmsId = idOf(caseId, Agencies.POLICE, "SMS");
        String healthMailId = idOf(caseId, Agencies.HEALTH, "EMAIL", "duty@health.local");

        JsonNode hooks = get("/sinks/webhook");
        assertThat(hooks.valueStream().filter(h -> h.path("idempotencyKey").asString().equals(policeHookId)))
                .singleElement().satisfies(h -> {
                    assertThat(h.path("endpoint").asString()).isEqualTo("police");
                    assertThat(h.path("resend").asBoolean()).isFalse();
                    assertThat(h.path("body").path("caseId").asString()).isEqualTo(caseId);
                });
        assertThat(get("/sinks/sms").valueStream()
                .filter(s -> s.path("reference").asString().equals(policeSmsId))).hasSize(1);
        assertThat(get("/sinks/mailbox").valueStream().filter(m -> m.path("messageId").asString()
                .equals(EmailChannel.messageIdOf(healthMailId, "notification.cprp.local"))))
                .singleElement().satisfies(m -> assertThat(m.path("to").get(0).asString())
                        .isEqualTo("duty@health.local"));
    }

    @Test
    void theBackupFocalPointAndTheCoordinatorGetMailAndTheInformantAnSmsInTheSinks() throws Exception {
        String caseId = newCaseId();
        ReferralIssued police = referral(caseId).agency(Agencies.POLICE).build();
        publishTo(Topics.CASE_EVENTS, caseOpened(caseId, true), police,
                overdue(police, ReferralOverdue.Stage.ESCALATED), completed(caseId, ReferralOutcome.SUPPORT_PROVIDED));
        publishTo(Topics.INTAKE_REPORTS, report(caseId, true, false, "+84000000999"));
        String outcomeId = NotificationIds.forInformantOutcome(caseId);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(get("/sinks/sms").valueStream()
                    .filter(s -> s.path("reference").asString().equals(outcomeId))).singleElement()
                    .satisfies(s -> assertThat(s.path("text").asString()).contains("111"));
            assertThat(mailsTo("backup@police.local", caseId)).hasSize(1);
            assertThat(mailsTo("coordinator.11@social-affairs.local", caseId)).hasSize(1);
        });
    }

    private List<JsonNode> mailsTo(String address, String caseId) throws Exception {
        return get("/sinks/mailbox").valueStream()
                .filter(m -> m.path("to").get(0).asString().equals(address))
                .filter(m -> m.path("subject").asString().contains(caseId))
                .toList();
    }

    private String idOf(String caseId, String agency, String channel) throws Exception {
        return idOf(caseId, agency, channel, null);
    }

    private String idOf(String caseId, String agency, String channel, String recipient) throws Exception {
        for (JsonNode item : get("/api/v1/notifications?caseId=" + caseId + "&agency=" + agency).path("items")) {
            if (item.path("channel").asString().equals(channel)
                    && (recipient == null || item.path("recipient").asString().equals(recipient))) {
                return item.path("notificationId").asString();
            }
        }
        throw new AssertionError("no " + channel + " notification for " + agency);
    }

    private void publish(ReferralIssued... events) throws Exception {
        publishTo(Topics.CASE_EVENTS, events);
    }

    private void publishTo(String topic, Event... events) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (Event event : events) {
                producer.send(new ProducerRecord<>(topic, event.caseId(), EventJson.write(event))).get();
            }
        }
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + HTTP_PORT + path)).timeout(Duration.ofSeconds(10))
                        .header("Authorization", Callers.authorization(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
