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
import org.junit.jupiter.api.AfterAll;
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
import vn.childprotection.platform.contracts.Event;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.NotificationDelivered;
import vn.childprotection.platform.contracts.NotificationEvent;
import vn.childprotection.platform.contracts.NotificationFailed;
import vn.childprotection.platform.contracts.ReferralIssued;
import vn.childprotection.platform.contracts.ReferralOutcome;
import vn.childprotection.platform.contracts.ReferralOverdue;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.notification.adapter.in.messaging.CaseEventConsumer;
import vn.childprotection.platform.notification.adapter.in.messaging.IntakeReportConsumer;
import vn.childprotection.platform.notification.adapter.out.channel.SmsGatewayChannel;
import vn.childprotection.platform.notification.domain.NotificationIds;
import vn.childprotection.platform.notification.domain.NotificationTexts;
import vn.childprotection.platform.notification.fixtures.NotificationEventSchema;
import vn.childprotection.platform.notification.fixtures.TestHttpReceiver;
import vn.childprotection.platform.testsupport.TestKafka;
import vn.childprotection.platform.testsupport.identity.TestIssuer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.caseOpened;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.completed;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.newCaseId;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.overdue;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.referral;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.report;

/**
 * The agency loop's notifications end to end (S0 Art 5.4, 7.2): case events on {@code case.events.v1} and the intake
 * report on {@code intake.reports.v1} in; the right notifications to the right recipients, the informant's SMS to a
 * real HTTP gateway on loopback (once, however often the events are redelivered), and every final status on
 * {@code notifications.delivered.v1} / {@code notifications.failed.v1}, valid against the contracts' schema.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AgencyLoopScenario {

    static final String INTAKE_DLT = Topics.INTAKE_REPORTS + ".notification-service" + Topics.DEAD_LETTER_SUFFIX;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PHONE = "0912345678";
    static final TestHttpReceiver SMS_GATEWAY = new TestHttpReceiver();

    @DynamicPropertySource
    static void directory(DynamicPropertyRegistry registry) {
        registry.add("notification.directory.agencies[0].agency", () -> Agencies.POLICE);
        registry.add("notification.directory.agencies[0].focal-point", () -> "focal-point@police.local");
        registry.add("notification.directory.agencies[0].backup-focal-point", () -> "backup@police.local");
        registry.add("notification.directory.agencies[1].agency", () -> Agencies.HEALTH);
        registry.add("notification.directory.agencies[1].focal-point", () -> "focal-point@health.local");
        registry.add("notification.directory.coordinators[0].province", () -> "11");
        registry.add("notification.directory.coordinators[0].address", () -> "coordinator.11@social-affairs.local");
        registry.add("notification.channels.sms.url", () -> SMS_GATEWAY.url("/sms"));
        registry.add("notification.channels.sms.api-key", () -> "it-key");
        registry.add("notification.delivery.poll-interval", () -> "100ms");
        registry.add("notification.delivery.retry.initial-backoff", () -> "20ms");
    }

    @AfterAll
    static void stopGateway() {
        SMS_GATEWAY.close();
    }

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
    void eachCaseEventTellsItsRecipientsTheInformantGetsOneSmsAndEveryFinalStatusIsPublished() throws Exception {
        String caseId = newCaseId();
        ReferralIssued police = referral(caseId).agency(Agencies.POLICE).build();
        ReferralIssued forwarded = referral(caseId).agency(Agencies.HEALTH)
                .forwardedFrom(police.referralId(), "FORWARDED").build();
        ReferralIssued unreachable = referral(caseId).agency(Agencies.EDUCATION).build();
        List<CaseEvent> caseEvents = List.of(caseOpened(caseId, true), police,
                overdue(police, ReferralOverdue.Stage.REMINDER), overdue(police, ReferralOverdue.Stage.ESCALATED),
                forwarded, unreachable, completed(caseId, ReferralOutcome.SUPPORT_PROVIDED));
        String outcomeId = NotificationIds.forInformantOutcome(caseId);

        caseEvents.forEach(e -> publish(Topics.CASE_EVENTS, e));
        publish(Topics.INTAKE_REPORTS, report(caseId, true, false, PHONE));

        Set<String> expected = Set.of(
                "REFERRAL_ISSUED/FOCAL_POINT/POLICE/DELIVERED",
                "OVERDUE_REMINDER/FOCAL_POINT/POLICE/DELIVERED",
                "ESCALATION/FOCAL_POINT/POLICE/DELIVERED",
                "ESCALATION/BACKUP_FOCAL_POINT/POLICE/DELIVERED",
                "ESCALATION/COORDINATOR/SOCIAL_AFFAIRS/DELIVERED",
                "FORWARDED/FOCAL_POINT/HEALTH/DELIVERED",
                "FORWARDED/COORDINATOR/SOCIAL_AFFAIRS/DELIVERED",
                "REFERRAL_ISSUED/FOCAL_POINT/EDUCATION/FAILED",
                "OUTCOME_TO_INFORMANT/INFORMANT/-/DELIVERED");
        await().atMost(WAIT).untilAsserted(() -> assertThat(summary(caseId)).containsExactlyInAnyOrderElementsOf(
                expected));
        JsonNode informant = itemById(caseId, outcomeId);
        assertThat(informant.path("recipient").isNull() || informant.path("recipient").isMissingNode())
                .as("the informant's phone is never shown").isTrue();
        assertThat(informant.path("channel").asString()).isEqualTo("SMS");
        assertThat(itemsOf(caseId)).filteredOn(i -> i.path("recipientRole").asString().equals("COORDINATOR"))
                .allSatisfy(i -> assertThat(i.path("recipient").asString())
                        .isEqualTo("coordinator.11@social-affairs.local"));

        List<TestHttpReceiver.Received> sms = smsFor(outcomeId);
        assertThat(sms).hasSize(1);
        JsonNode body = JSON.readTree(sms.getFirst().body());
        assertThat(body.path("to").asString()).isEqualTo(PHONE);
        assertThat(body.path("text").asString()).contains("111")
                .contains(NotificationTexts.outcomeSentence(ReferralOutcome.SUPPORT_PROVIDED))
                .doesNotContain(caseId).doesNotContain("Nguyễn").doesNotContain("kêu cứu");
        assertThat(sms.getFirst().header(SmsGatewayChannel.API_KEY_HEADER)).isEqualTo("it-key");

        // redelivered: the completion and the report again, and the case events once more
        double duplicates = consumed(CaseEventConsumer.CASE_EVENTS_CONSUMED, "duplicate")
                + consumed(CaseEventConsumer.CASE_EVENTS_CONSUMED, "informant_not_told");
        double unchanged = consumed(IntakeReportConsumer.INTAKE_REPORTS_CONSUMED, "unchanged");
        caseEvents.forEach(e -> publish(Topics.CASE_EVENTS, e));
        publish(Topics.INTAKE_REPORTS, report(caseId, true, false, PHONE));
        await().atMost(WAIT).until(() -> consumed(CaseEventConsumer.CASE_EVENTS_CONSUMED, "duplicate")
                + consumed(CaseEventConsumer.CASE_EVENTS_CONSUMED, "informant_not_told") >= duplicates + 6
                && consumed(IntakeReportConsumer.INTAKE_REPORTS_CONSUMED, "unchanged") >= unchanged + 1);
        await().during(Duration.ofMillis(500)).atMost(WAIT).untilAsserted(() -> {
            assertThat(smsFor(outcomeId)).hasSize(1);
            assertThat(summary(caseId)).hasSize(expected.size());
        });

        Map<String, List<NotificationEvent>> published = readNotificationEventsOf(caseId, expected.size());
        List<NotificationEvent> delivered = published.get(Topics.NOTIFICATIONS_DELIVERED);
        List<NotificationEvent> failed = published.get(Topics.NOTIFICATIONS_FAILED);
        assertThat(delivered.stream().map(e -> ((NotificationDelivered) e).notificationId()).distinct().count())
                .isEqualTo(expected.size() - 1);
        assertThat(delivered).filteredOn(e -> ((NotificationDelivered) e).notificationId().equals(outcomeId))
                .allSatisfy(e -> assertThat(((NotificationDelivered) e).recipientRole()).isEqualTo("INFORMANT"));
        assertThat(failed).singleElement().satisfies(e -> {
            var f = (NotificationFailed) e;
            assertThat(f.agency()).isEqualTo(Agencies.EDUCATION);
            assertThat(f.error()).isEqualTo("NO_FOCAL_POINT");
            assertThat(f.recipientRole()).isEqualTo("FOCAL_POINT");
        });
    }

    @Test
    void anInformantWithoutFeedbackOrAnonymousNeverHearsTheOutcomeInEitherOrder() throws Exception {
        String declined = newCaseId();
        String anonymous = newCaseId();
        double noFeedback = consumed(IntakeReportConsumer.INTAKE_REPORTS_CONSUMED, "no_feedback");
        double awaiting = consumed(CaseEventConsumer.CASE_EVENTS_CONSUMED, "awaiting_informant");
        double notTold = consumed(CaseEventConsumer.CASE_EVENTS_CONSUMED, "informant_not_told");

        // report first (no feedback wanted), then the completion
        publish(Topics.INTAKE_REPORTS, report(declined, false, false, PHONE));
        await().atMost(WAIT).until(() ->
                consumed(IntakeReportConsumer.INTAKE_REPORTS_CONSUMED, "no_feedback") >= noFeedback + 1);
        publish(Topics.CASE_EVENTS, completed(declined, ReferralOutcome.SUPPORT_PROVIDED));
        // completion first (it waits), then an anonymous report
        publish(Topics.CASE_EVENTS, completed(anonymous, ReferralOutcome.SUPPORT_PROVIDED));
        await().atMost(WAIT).until(() ->
                consumed(CaseEventConsumer.CASE_EVENTS_CONSUMED, "informant_not_told") >= notTold + 1
                && consumed(CaseEventConsumer.CASE_EVENTS_CONSUMED, "awaiting_informant") >= awaiting + 1);
        publish(Topics.INTAKE_REPORTS, report(anonymous, true, true, PHONE));
        await().atMost(WAIT).until(() ->
                consumed(IntakeReportConsumer.INTAKE_REPORTS_CONSUMED, "no_feedback") >= noFeedback + 2);

        assertThat(itemsOf(declined)).isEmpty();
        assertThat(itemsOf(anonymous)).isEmpty();
        assertThat(smsFor(NotificationIds.forInformantOutcome(declined))).isEmpty();
        assertThat(smsFor(NotificationIds.forInformantOutcome(anonymous))).isEmpty();
    }

    private List<String> summary(String caseId) throws Exception {
        return itemsOf(caseId).stream().map(i -> i.path("kind").asString() + "/" + i.path("recipientRole").asString()
                + "/" + (i.path("agency").isNull() || i.path("agency").isMissingNode() ? "-"
                : i.path("agency").asString()) + "/" + i.path("status").asString()).toList();
    }

    private List<JsonNode> itemsOf(String caseId) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        get("/api/v1/notifications?caseId=" + caseId + "&size=100").path("items").forEach(items::add);
        return items;
    }

    private JsonNode itemById(String caseId, String id) throws Exception {
        return itemsOf(caseId).stream().filter(i -> i.path("notificationId").asString().equals(id)).findFirst()
                .orElseThrow();
    }

    private List<TestHttpReceiver.Received> smsFor(String reference) {
        return SMS_GATEWAY.received("/sms").stream()
                .filter(r -> JSON.readTree(r.body()).path("reference").asString().equals(reference)).toList();
    }

    /** Reads both notification topics until the case has {@code count} distinct notifications on them. */
    private Map<String, List<NotificationEvent>> readNotificationEventsOf(String caseId, int count) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-notifications-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, List<NotificationEvent>> byTopic = new HashMap<>();
        byTopic.put(Topics.NOTIFICATIONS_DELIVERED, new ArrayList<>());
        byTopic.put(Topics.NOTIFICATIONS_FAILED, new ArrayList<>());
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.NOTIFICATIONS_DELIVERED, Topics.NOTIFICATIONS_FAILED));
            await().atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                    if (!caseId.equals(record.key())) {
                        continue;
                    }
                    String json = new String(record.value(), java.nio.charset.StandardCharsets.UTF_8);
                    assertThat(NotificationEventSchema.validate(json)).as(json).isEmpty();
                    assertThat(json).doesNotContain(PHONE).doesNotContain("@police.local");
                    assertThat(record.headers().toArray()).isEmpty();
                    byTopic.get(record.topic()).add(EventJson.read(record.value(), NotificationEvent.class));
                }
                return byTopic.values().stream().flatMap(List::stream).map(AgencyLoopScenario::notificationIdOf)
                        .collect(Collectors.toSet()).size() >= count;
            });
        }
        return byTopic;
    }

    private static String notificationIdOf(NotificationEvent event) {
        return switch (event) {
            case NotificationDelivered d -> d.notificationId();
            case NotificationFailed f -> f.notificationId();
        };
    }

    private double consumed(String counter, String outcome) {
        Counter found = meters.find(counter).tag("outcome", outcome).counter();
        return found == null ? 0 : found.count();
    }

    private void publish(String topic, Event event) {
        try {
            producer.send(new ProducerRecord<>(topic, event.caseId(), EventJson.write(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the test message", e);
        }
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", Callers.authorization(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

}
