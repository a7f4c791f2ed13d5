package vn.childprotection.platform.notification.it;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.platform.contracts.Agencies;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.ReferralIssued;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.notification.adapter.out.mongo.NotificationDocument;
import vn.childprotection.platform.notification.domain.WebhookSignature;
import vn.childprotection.platform.notification.fixtures.TestHttpReceiver;
import vn.childprotection.platform.testsupport.TestKafka;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.newCaseId;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.referral;

/**
 * The hot path without the poll (S0 Art 7.2, 8.4: the agency is told at once): the poll runs once at start and then
 * not for an hour, so a notification recorded afterwards is delivered — and its final status published — only through
 * the consumer's hand-off to the delivery workers (claim by id, no scan of the store).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class HandOffScenario {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SECRET = "hand-off-test-secret";
    static final TestHttpReceiver AGENCY = new TestHttpReceiver();

    @DynamicPropertySource
    static void agencyEndpoint(DynamicPropertyRegistry registry) {
        registry.add("notification.directory.agencies[0].agency", () -> Agencies.POLICE);
        registry.add("notification.directory.agencies[0].focal-point", () -> "focal-point@police.local");
        registry.add("notification.directory.agencies[0].recipients[0].channel", () -> "WEBHOOK");
        registry.add("notification.directory.agencies[0].recipients[0].address", () -> AGENCY.url("/police/hook"));
        registry.add("notification.directory.agencies[0].recipients[0].secret-ref", () -> "it.secrets.police");
        registry.add("it.secrets.police", () -> SECRET);
        registry.add("notification.delivery.poll-interval", () -> "1h");
    }

    @AfterAll
    static void stopReceiver() {
        AGENCY.close();
    }

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aRecordedAndAnOutboundNotificationAreDeliveredAndPublishedWithoutAnyPoll() throws Exception {
        String caseId = newCaseId();
        ReferralIssued police = referral(caseId).agency(Agencies.POLICE).build();

        try (KafkaProducer<String, byte[]> producer = TestKafka.producer(bootstrapServers)) {
            producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, caseId, EventJson.write(police))).get();
        }

        await().atMost(WAIT).untilAsserted(() -> assertThat(AGENCY.received("/police/hook")).hasSize(1));
        Query ofCase = new Query(Criteria.where("caseId").is(caseId));
        await().atMost(WAIT).untilAsserted(() -> {
            List<Document> stored = mongo.find(ofCase, Document.class, NotificationDocument.COLLECTION);
            assertThat(stored).hasSize(2);
            assertThat(stored).allSatisfy(d -> {
                assertThat(d.getString("status")).isEqualTo("DELIVERED");
                assertThat(d.getBoolean("announcePending")).as("published and marked by the hand-off").isFalse();
            });
        });
        Set<String> ids = new HashSet<>();
        mongo.find(ofCase, Document.class, NotificationDocument.COLLECTION).forEach(d -> ids.add(d.getString("_id")));
        assertThat(AGENCY.received("/police/hook").getFirst().header(WebhookSignature.IDEMPOTENCY_KEY_HEADER))
                .isIn(ids);
        assertThat(deliveredEventsOf(caseId, ids.size())).isEqualTo(ids);
    }

    private Set<String> deliveredEventsOf(String caseId, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-hand-off-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        JsonMapper json = JsonMapper.builder().build();
        Set<String> notificationIds = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.NOTIFICATIONS_DELIVERED));
            await().atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                    if (caseId.equals(record.key())) {
                        notificationIds.add(json.readTree(record.value()).path("notificationId").asString());
                    }
                }
                return notificationIds.size() >= expected;
            });
        }
        return notificationIds;
    }
}
