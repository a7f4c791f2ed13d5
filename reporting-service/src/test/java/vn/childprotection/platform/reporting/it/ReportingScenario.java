package vn.childprotection.platform.reporting.it;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;
import vn.childprotection.platform.contracts.CaseEvent;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.reporting.adapter.out.mongo.CaseFactDocument;
import vn.childprotection.platform.reporting.adapter.out.mongo.MongoFactStore;
import vn.childprotection.platform.reporting.adapter.out.mongo.ReferralFactDocument;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * case.events.v1 in, figures out: the whole service against a broker and a MongoDB. Each scenario sends its own
 * year of traffic ({@link ReportingBatch}) and reads the figures for that year, so scenarios share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ReportingScenario {

    /** {@code Topics.deadLetterOf(Topics.CASE_EVENTS, "reporting-service")}, as a constant for annotations. */
    static final String DLT = "case.events.v1.reporting-service.dlt";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;

    private DefaultKafkaProducerFactory<String, byte[]> producerFactory;
    private KafkaTemplate<String, byte[]> kafka;
    private RestClient http;

    @BeforeEach
    void connect() {
        producerFactory = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
        kafka = new KafkaTemplate<>(producerFactory);
        http = RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();
    }

    @AfterEach
    void disconnect() {
        producerFactory.destroy();
    }

    @Test
    void the_overview_equals_exactly_what_was_sent() {
        ReportingBatch batch = new ReportingBatch(2031);

        send(batch.events());

        awaitFigures("from=2031-01-01&to=2031-12-31", ReportingBatch.yearFigures());
        assertThat(projected("CaseOpened.v1")).isGreaterThanOrEqualTo(5);
        assertThat(projected("ReferralIssued.v1")).isGreaterThanOrEqualTo(10);
    }

    @Test
    void a_redelivered_batch_gives_identical_figures() {
        ReportingBatch batch = new ReportingBatch(2032);
        send(batch.events());
        awaitFigures("from=2032-01-01&to=2032-12-31", ReportingBatch.yearFigures());

        send(batch.events());

        Set<String> eventIds = batch.events().stream().map(CaseEvent::eventId).collect(Collectors.toSet());
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                mongo.find(query(where("_id").in(eventIds).and("deliveries").is(2)), Document.class,
                        MongoFactStore.PROCESSED_EVENTS)).hasSize(eventIds.size()));
        assertThat(figures("from=2032-01-01&to=2032-12-31")).isEqualTo(ReportingBatch.yearFigures());
        Set<String> caseIds = batch.events().stream().map(CaseEvent::caseId).collect(Collectors.toSet());
        assertThat(mongo.count(query(where("_id").in(caseIds)), CaseFactDocument.COLLECTION)).isEqualTo(5);
        assertThat(mongo.count(query(where("caseId").in(caseIds)), ReferralFactDocument.COLLECTION)).isEqualTo(10);
    }

    @Test
    void figures_can_be_narrowed_to_a_province_and_to_vietnamese_calendar_dates() {
        ReportingBatch batch = new ReportingBatch(2033);
        send(batch.events());
        awaitFigures("from=2033-01-01&to=2033-12-31", ReportingBatch.yearFigures());

        Figures dienBien = figures("from=2033-01-01&to=2033-12-31&province=11");
        assertThat(dienBien.reports()).isEqualTo(3);
        assertThat(dienBien.contacts()).containsEntry("COUNSELLING", 2L).containsEntry("INTERVENTION", 1L);
        assertThat(dienBien.cases()).isEqualTo(1);
        assertThat(dienBien.referrals()).isEqualTo(4);
        assertThat(dienBien.byAgency()).containsEntry("SOCIAL_AFFAIRS", 1L).containsEntry("POLICE", 1L)
                .containsEntry("HEALTH", 1L).containsEntry("WOMENS_UNION", 1L).doesNotContainKey("PROCURACY");
        assertThat(dienBien.byProvince()).containsExactly(Map.entry("11", 3L));

        Figures midYear = figures("from=2033-05-01&to=2033-08-01");
        assertThat(midYear.reports()).isEqualTo(2);
        assertThat(midYear.referrals()).isEqualTo(6);
        assertThat(midYear.byProvince()).containsOnlyKeys("06", "89");

        assertThat(figures("from=2033-11-30&to=2033-11-30").reports())
                .as("17:30 UTC on 30 November is 1 December in Viet Nam").isZero();
        assertThat(figures("from=2033-12-01&to=2033-12-01").reports()).isEqualTo(1);
    }

    @Test
    void a_poison_message_is_dead_lettered_once_and_the_next_events_are_still_projected() {
        String poisonKey = "poison-" + UUID.randomUUID();
        double malformedBefore = counter("reporting.events.malformed");

        sendRaw(poisonKey, "{\"eventType\":\"CaseOpened.v1\",\"caseId\":".getBytes(StandardCharsets.UTF_8));
        ReportingBatch batch = new ReportingBatch(2034);
        send(List.of(batch.neglectCounselling.build()));

        List<ConsumerRecord<String, byte[]>> deadLetters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = deadLetterConsumer()) {
            await().atMost(PATIENCE).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(deadLetters::add);
                assertThat(deadLetters).extracting(ConsumerRecord::key).contains(poisonKey);
            });
        }
        awaitFigures("from=2034-01-01&to=2034-12-31", counsellingOnly());
        assertThat(counter("reporting.events.malformed") - malformedBefore).as("not retried").isEqualTo(1.0);
    }

    @Test
    void an_event_of_a_type_this_version_does_not_know_is_skipped_not_dead_lettered() {
        String unknownKey = "unknown-" + UUID.randomUUID();
        double skippedBefore = counter("reporting.events.skipped");

        sendRaw(unknownKey, ("{\"eventType\":\"CaseClosed.v1\",\"eventId\":\"" + UUID.randomUUID()
                + "\",\"caseId\":\"" + unknownKey + "\",\"occurredAt\":\"2035-06-01T00:00:00Z\"}")
                .getBytes(StandardCharsets.UTF_8));
        ReportingBatch batch = new ReportingBatch(2035);
        send(List.of(batch.neglectCounselling.build()));

        awaitFigures("from=2035-01-01&to=2035-12-31", counsellingOnly());
        assertThat(counter("reporting.events.skipped") - skippedBefore).isEqualTo(1.0);
        assertThat(allDeadLetterKeys()).doesNotContain(unknownKey);
    }

    @Test
    void bad_filter_values_are_a_problem_naming_the_parameter() {
        ResponseEntity<Map> response = http.get().uri("/api/v1/stats/overview?from=2026-02-30&province=abc")
                .retrieve().onStatus(HttpStatusCode::isError, (request, reply) -> {
                })
                .toEntity(Map.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("status", 400);
        assertThat((List<Map<String, Object>>) response.getBody().get("errors"))
                .extracting(error -> error.get("field")).containsExactly("from", "province");
    }

    @Test
    void the_service_reports_its_health_and_documents_its_api() {
        assertThat(http.get().uri("/actuator/health/readiness").retrieve().body(Map.class))
                .containsEntry("status", "UP");
        assertThat(http.get().uri("/actuator/health/liveness").retrieve().body(Map.class))
                .containsEntry("status", "UP");
        String openApi = http.get().uri("/v3/api-docs").retrieve().body(String.class);
        assertThat(openApi).contains("/api/v1/stats/overview").contains("application/problem+json");
    }

    private static Figures counsellingOnly() {
        Figures f = Figures.zero().reports(1);
        f.count(f.contacts(), "COUNSELLING", 1).count(f.byConcern(), "NEGLECT", 1)
                .count(f.bySeverity(), "NORMAL", 1).count(f.byChannel(), "HOTLINE_111", 1)
                .count(f.byProvince(), "11", 1);
        return f;
    }

    private void send(List<CaseEvent> events) {
        events.forEach(event -> sendRaw(event.caseId(), EventJson.write(event)));
    }

    private void sendRaw(String key, byte[] value) {
        try {
            kafka.send(Topics.CASE_EVENTS, key, value).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + Topics.CASE_EVENTS, e);
        }
    }

    private void awaitFigures(String filter, Figures expected) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(figures(filter)).isEqualTo(expected));
    }

    private Figures figures(String filter) {
        return http.get().uri("/api/v1/stats/overview?" + filter).retrieve().body(Figures.class);
    }

    private double projected(String eventType) {
        return meters.find("reporting.events.projected").tag("eventType", eventType).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private double counter(String name) {
        return meters.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }

    private KafkaConsumer<String, byte[]> deadLetterConsumer() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(DLT));
        return consumer;
    }

    /** Every key on the dead-letter topic up to its current end. */
    private List<String> allDeadLetterKeys() {
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(DLT).stream()
                    .map(info -> new TopicPartition(DLT, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> keys.add(record.key()));
                return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
            });
        }
        return keys;
    }
}
