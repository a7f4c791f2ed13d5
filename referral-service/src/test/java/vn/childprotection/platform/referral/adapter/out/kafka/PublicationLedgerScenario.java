package vn.childprotection.platform.referral.adapter.out.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import vn.childprotection.platform.support.messaging.KafkaConnection;
import vn.childprotection.platform.contracts.Ids;
import vn.childprotection.platform.referral.application.port.out.EventPublisher;
import vn.childprotection.platform.referral.application.port.out.PublicationLedger.LedgerUnavailableException;
import vn.childprotection.platform.referral.config.KafkaConfiguration;
import vn.childprotection.platform.referral.config.ReferralProperties;
import vn.childprotection.platform.referral.domain.OutboxMessage;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox's Kafka adapters against a broker: the publisher sends a case's messages as one batch and reports each
 * acknowledgement; the ledger finds exactly the event ids already on their topics (the relay's check after an
 * unfinished attempt, README "Outbox"). Topics of 3 partitions, created per test with unique names. Run against the
 * embedded KRaft broker ({@code *EmbeddedIT}) and a real image ({@code *ContainersIT}).
 */
abstract class PublicationLedgerScenario {

    private static final ReferralProperties.Outbox OUTBOX = new ReferralProperties.Outbox(Duration.ofSeconds(1),
            Duration.ofSeconds(30), Duration.ofSeconds(6), Duration.ofSeconds(4), Duration.ofSeconds(3),
            Duration.ofSeconds(10), Duration.ofMinutes(5), 100);

    private String agencyTopic;
    private String caseTopic;
    private DefaultKafkaProducerFactory<String, byte[]> producers;
    private KafkaEventPublisher publisher;
    private KafkaPublicationLedger ledger;

    /** The broker's bootstrap servers. */
    abstract String bootstrapServers();

    @BeforeEach
    void topicsAndAdapters() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        agencyTopic = "referrals.ledger-it-" + suffix + ".v1";
        caseTopic = "case.events.ledger-it-" + suffix + ".v1";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(agencyTopic, 3, (short) 1), new NewTopic(caseTopic, 3, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
            // created is not yet served: wait until every partition has a leader, so that the first send of a test
            // does not spend its delivery timeout on the topic's metadata (a busy machine took over 4 s)
            org.awaitility.Awaitility.await("leaders of the new topics").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100)).until(() -> admin.describeTopics(List.of(agencyTopic,
                            caseTopic)).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                    .allMatch(topic -> topic.partitions().size() == 3
                            && topic.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())));
        }
        producers = new DefaultKafkaProducerFactory<>(KafkaConfiguration.outboxProducerConfig(KafkaConnection.plaintext(bootstrapServers()),
                OUTBOX), new StringSerializer(), new ByteArraySerializer());
        KafkaAdmin kafkaAdmin = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
        publisher = new KafkaEventPublisher(new KafkaTemplate<>(producers),
                new TopicProvisioner(kafkaAdmin, 3, (short) 1, List.of(agencyTopic, caseTopic)),
                OUTBOX.publishTimeout(), Clock.systemUTC());
        ledger = ledger(bootstrapServers(), OUTBOX.checkTimeout());
    }

    @AfterEach
    void close() {
        ledger.close();
        producers.destroy();
    }

    private static KafkaPublicationLedger ledger(String bootstrapServers, Duration timeout) {
        return new KafkaPublicationLedger(() -> new KafkaConsumer<>(KafkaConfiguration.ledgerConsumerConfig(
                KafkaConnection.plaintext(bootstrapServers), timeout), new ByteArrayDeserializer(), new ByteArrayDeserializer()), timeout,
                OUTBOX.checkClockSkew());
    }

    /** Two messages per case (one on each topic), for {@code cases} cases: keys spread over the 3 partitions. */
    private List<OutboxMessage> messages(int cases, Instant recordedAt) {
        List<OutboxMessage> messages = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            String caseId = Ids.caseIdFor(UUID.randomUUID());
            for (String topic : List.of(caseTopic, agencyTopic)) {
                String eventId = Ids.nameBased("LedgerIT.v1", caseId, topic).toString();
                messages.add(new OutboxMessage(eventId, "LedgerIT.v1", topic, caseId,
                        "{\"eventId\":\"" + eventId + "\"}", recordedAt, null));
            }
        }
        return messages;
    }

    private static Set<String> ids(List<OutboxMessage> messages) {
        return messages.stream().map(OutboxMessage::eventId).collect(Collectors.toSet());
    }

    @Test
    void theLedgerFindsExactlyTheEventIdsAlreadyOnTheirTopics() throws Exception {
        List<OutboxMessage> pending = messages(6, Instant.now());
        List<OutboxMessage> sent = IntStream.range(0, pending.size()).filter(i -> i % 3 != 2).mapToObj(pending::get)
                .toList();

        List<EventPublisher.Outcome> outcomes = publisher.publishAll(sent, Instant.now().plusSeconds(15));
        assertThat(outcomes).as("one outcome per message, in order").hasSize(sent.size())
                .allMatch(EventPublisher.Outcome::acknowledged)
                .extracting(EventPublisher.Outcome::message).containsExactlyElementsOf(sent);
        // other writers' records and records with another event id share the partitions
        try (KafkaProducer<String, byte[]> other = new KafkaProducer<>(Map.of("bootstrap.servers",
                bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            for (OutboxMessage message : pending) {
                other.send(new ProducerRecord<>(message.topic(), message.key(), "{}".getBytes(StandardCharsets.UTF_8)))
                        .get(10, TimeUnit.SECONDS);
                ProducerRecord<String, byte[]> unrelated = new ProducerRecord<>(message.topic(), message.key(),
                        "{}".getBytes(StandardCharsets.UTF_8));
                unrelated.headers().add(KafkaEventPublisher.EVENT_ID_HEADER,
                        UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
                other.send(unrelated).get(10, TimeUnit.SECONDS);
            }
        }

        assertThat(ledger.alreadyPublished(pending)).isEqualTo(ids(sent));
        assertThat(ledger.alreadyPublished(pending)).as("the kept consumer answers again").isEqualTo(ids(sent));
    }

    @Test
    void aMessageOnATopicThatDoesNotExistOrRecordedAfterEverythingOnItsPartitionIsNotThere() {
        List<OutboxMessage> sent = messages(2, Instant.now());
        assertThat(publisher.publishAll(sent, Instant.now().plusSeconds(15)))
                .allMatch(EventPublisher.Outcome::acknowledged);
        OutboxMessage first = sent.getFirst();
        OutboxMessage noTopic = new OutboxMessage(first.eventId(), first.eventType(), agencyTopic + ".absent",
                first.key(), first.payload(), first.recordedAt(), null);
        OutboxMessage recordedLater = new OutboxMessage(first.eventId(), first.eventType(), first.topic(), first.key(),
                first.payload(), Instant.now().plus(Duration.ofHours(1)), null);

        assertThat(ledger.alreadyPublished(List.of(noTopic))).isEmpty();
        assertThat(ledger.alreadyPublished(List.of(recordedLater))).isEmpty();
        assertThat(ledger.alreadyPublished(sent)).isEqualTo(ids(sent));
    }

    @Test
    void aBrokerThatCannotBeReachedIsReportedNeverTakenForAnEmptyTopic() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (KafkaPublicationLedger unreachable = ledger("127.0.0.1:" + closedPort, Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> unreachable.alreadyPublished(messages(1, Instant.now())))
                    .isInstanceOf(LedgerUnavailableException.class);
        }
    }
}
