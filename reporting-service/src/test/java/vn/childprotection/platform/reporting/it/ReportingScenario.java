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
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import vn.childprotection.platform.contracts.Agencies;
import vn.childprotection.platform.contracts.CaseEvent;
import vn.childprotection.platform.contracts.Event;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.reporting.adapter.out.mongo.MongoFactReader;
import vn.childprotection.platform.reporting.adapter.out.mongo.MongoFactStore;
import vn.childprotection.platform.reporting.application.ProjectionTargets;
import vn.childprotection.platform.reporting.application.port.out.TooManyFactsException;
import vn.childprotection.platform.reporting.domain.Areas;
import vn.childprotection.platform.reporting.domain.FactSet;
import vn.childprotection.platform.reporting.domain.ReportingPeriod;
import vn.childprotection.platform.reporting.domain.StatsFilter;
import vn.childprotection.platform.reporting.fixtures.AgencyLoopScenario;
import vn.childprotection.platform.reporting.fixtures.CaseEvents;
import vn.childprotection.platform.support.security.EndpointOperations;
import vn.childprotection.platform.testsupport.AuditTrailReader;
import vn.childprotection.platform.testsupport.identity.EndpointMatrix;
import vn.childprotection.platform.testsupport.identity.TestActor;
import vn.childprotection.platform.testsupport.identity.TestIssuer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * case.events.v1 in, figures out: the whole service against a broker and a MongoDB. Each scenario sends its own
 * year of traffic ({@link ReportingBatch}) and reads the figures for that year, so scenarios share one context.
 */
// a rebuild of the scenarios' traffic (several thousand events) runs in passes of 1,000: the figures after it show
// that the passes, each folding its share of the cases, give the same facts as the live projection
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "reporting.rebuild.max-events-per-pass=1000")
@ExtendWith(OutputCaptureExtension.class)
@SuppressWarnings({"unchecked", "rawtypes"})
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
    @Autowired
    ProjectionTargets targets;
    @Autowired
    Areas areas;

    private DefaultKafkaProducerFactory<String, byte[]> producerFactory;
    private KafkaTemplate<String, byte[]> kafka;
    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestIssuer.register(registry);
    }

    private RestClient http;

    @BeforeEach
    void connect() {
        producerFactory = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
        kafka = new KafkaTemplate<>(producerFactory);
        http = as(null);
    }

    /**
     * A client of the service as the actor; {@code null}: an administrator for the operational paths, otherwise a
     * coordinator of every province.
     */
    private RestClient as(TestActor actor) {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .requestInterceptor((request, body, execution) -> {
                    String path = request.getURI().getPath();
                    TestActor caller = actor != null ? actor
                            : path.startsWith("/api/v1/facts") || path.startsWith("/api/v1/projections")
                            || path.startsWith("/v3") || path.startsWith("/actuator") ? TestActor.ADMIN
                            : TestActor.NATIONAL_COORDINATOR;
                    request.getHeaders().set("Authorization", TestIssuer.shared().bearer(caller));
                    return execution.execute(request, body);
                }).build();
    }

    private static int statusOf(RestClient client, String uri) {
        return client.get().uri(uri).retrieve().onStatus(HttpStatusCode::isError, (request, reply) -> {
        }).toBodilessEntity().getStatusCode().value();
    }

    /**
     * Every cell of this service's rows of the roles × endpoints matrix (docs/authorization.md): a token of each role
     * is let in exactly where the policy lets that role, 403 elsewhere, 401 without a token.
     */
    @Test
    void everyEndpointRefusesExactlyTheRolesTheMatrixRefusesAndEveryoneWithoutAToken(
            @Autowired EndpointOperations endpoints) {
        List<EndpointMatrix.Row> rows = endpoints.endpoints().stream()
                .map(e -> new EndpointMatrix.Row(e.method().name(), e.pattern(), e.operations(), !"/api/v1/projections/rebuild".equals(e.pattern()) || e.method() != org.springframework.http.HttpMethod.POST))
                .toList();

        assertThat(EndpointMatrix.check("reporting", "http://127.0.0.1:" + port, rows,
                java.nio.file.Path.of("..", "docs", "authorization.md"))).isEmpty();
    }

    @Test
    void anAnalystSeesItsProvincesFiguresOnlyNeverIdsAndEveryExportIsAudited() {
        RestClient analyst = as(TestActor.ANALYST_11);
        RestClient anonymous = RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();

        Map<String, Object> own = analyst.get().uri("/api/v1/stats/overview").retrieve().body(Map.class);
        Map<String, Object> dienBien = json("/api/v1/stats/overview?province=11");
        int haNoi = statusOf(analyst, "/api/v1/stats/overview?province=01");
        int overdue = statusOf(analyst, "/api/v1/stats/overdue");
        int repeats = statusOf(analyst, "/api/v1/stats/repeats");
        int rebuild = analyst.post().uri("/api/v1/projections/rebuild").retrieve()
                .onStatus(HttpStatusCode::isError, (request, reply) -> {
                }).toBodilessEntity().getStatusCode().value();
        int officer = statusOf(as(TestActor.POLICE_11), "/api/v1/stats/overview");
        int noToken = statusOf(anonymous, "/api/v1/stats/overview");
        int export = statusOf(analyst, "/api/v1/stats/breakdown?by=district&format=csv");

        assertThat(withoutTime(own)).as("an analyst of Điện Biên who names no province gets Điện Biên's figures")
                .isEqualTo(withoutTime(dienBien));
        assertThat(haNoi).isEqualTo(404);
        assertThat(overdue).as("referral ids are not for analysts").isEqualTo(403);
        assertThat(repeats).as("child pseudonyms are not for analysts").isEqualTo(403);
        assertThat(rebuild).isEqualTo(403);
        assertThat(officer).isEqualTo(403);
        assertThat(noToken).isEqualTo(401);
        assertThat(export).isEqualTo(200);
        try (AuditTrailReader trail = new AuditTrailReader(bootstrapServers)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(trail.records())
                    .anySatisfy(record -> {
                        assertThat(record.action()).isEqualTo("EXPORT_FIGURES");
                        assertThat(record.subject()).isEqualTo(TestActor.ANALYST_11.subject());
                        assertThat(record.outcome()).isEqualTo("ALLOWED");
                    })
                    .anySatisfy(record -> {
                        assertThat(record.action()).isEqualTo("READ_OVERDUE");
                        assertThat(record.subject()).isEqualTo(TestActor.ANALYST_11.subject());
                        assertThat(record.status()).isEqualTo(403);
                    }));
        }
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
        assertThat(mongo.count(query(where("_id").in(caseIds)), MongoFactStore.cases(targets.active())))
                .isEqualTo(5);
        assertThat(mongo.count(query(where("caseId").in(caseIds)), MongoFactStore.referrals(targets.active())))
                .isEqualTo(10);
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
        assertThat(midYear.byProvince()).containsOnlyKeys("19", "91");

        assertThat(figures("from=2033-11-30&to=2033-11-30").reports())
                .as("17:30 UTC on 30 November is 1 December in Viet Nam").isZero();
        assertThat(figures("from=2033-12-01&to=2033-12-01").reports()).isEqualTo(1);
    }

    /**
     * Vietnam's map changed on 1 July 2025: An Giang 89 and Kiên Giang 91 became the new An Giang 91. A case of 2024
     * (old codes: province 89, district 883) and one of 2026 (new codes: province 91, commune 30292) are one series.
     */
    @Test
    void a_2024_case_of_the_former_an_giang_89_and_a_2026_case_of_the_new_an_giang_91_count_in_one_series() {
        CaseEvents.CaseOpenedBuilder former = CaseEvents.aCase("scenario-an-giang-89-2024").intervention(1)
                .province("89", "883").receivedAt(LocalDate.of(2024, 5, 20), LocalTime.of(14, 0));
        CaseEvents.CaseOpenedBuilder merged = CaseEvents.aCase("scenario-an-giang-91-2026").intervention(1)
                .commune("91", "30292").receivedAt(LocalDate.of(2026, 3, 10), LocalTime.of(9, 0));
        send(List.of(former.build(), former.referral(Agencies.POLICE, ReferralRole.PRIMARY).build(),
                merged.build(), merged.referral(Agencies.SOCIAL_AFFAIRS, ReferralRole.PRIMARY).build()));
        String trend = "/api/v1/stats/timeseries?from=2024-01-01&to=2026-12-31&granularity=year&province=91";

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat((List<Map<String, Object>>) json(trend).get("buckets"))
                        .extracting(b -> b.get("period") + " " + b.get("cases") + " " + b.get("referrals"))
                        .containsExactly("2024 1 1", "2026 1 1"));
        assertThat(json(trend.replace("province=91", "province=89"))).as("the former code reads as its successor")
                .isEqualTo(json(trend));
        assertThat(json("/api/v1/facts/cases/" + former.caseId())).containsEntry("provinceCode", "89")
                .containsEntry("areaMap", "VN-2024").containsEntry("latestProvinceCode", "91");
        assertThat((List<Map<String, Object>>) json("/api/v1/stats/breakdown?period=2024-05&province=91&by=district")
                .get("rows")).extracting(row -> row.get("key") + " " + row.get("cases")).containsExactly("883 1");
        assertThat((List<Map<String, Object>>) json("/api/v1/stats/breakdown?period=2026-03&province=91&by=commune")
                .get("rows")).extracting(row -> row.get("key") + " " + row.get("cases")).containsExactly("30292 1");
    }

    @Test
    void an_analyst_of_the_new_an_giang_91_sees_the_cases_of_the_former_an_giang_89_from_before_the_change() {
        CaseEvents.CaseOpenedBuilder former = CaseEvents.aCase("scenario-an-giang-89-2023").counselling()
                .province("89", "883").receivedAt(LocalDate.of(2023, 9, 4), LocalTime.of(10, 0));
        send(List.of(former.build()));
        RestClient anGiang = as(TestActor.ANALYST_11.withProvinces("91").withSubject("subject-analyst-91"));
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(json("/api/v1/stats/overview?period=2023&province=91")).containsEntry("reports", 1));

        Map<String, Object> own = anGiang.get().uri("/api/v1/stats/overview?period=2023").retrieve().body(Map.class);
        int asFormerCode = statusOf(anGiang, "/api/v1/stats/overview?period=2023&province=89");
        int fromDienBien = statusOf(as(TestActor.ANALYST_11), "/api/v1/stats/overview?period=2023&province=89");

        assertThat(own).containsEntry("reports", 1).containsEntry("byProvince", Map.of("91", 1));
        assertThat(asFormerCode).isEqualTo(200);
        assertThat(fromDienBien).as("89 is part of 91 now, outside Điện Biên's scope").isEqualTo(404);
    }

    @Test
    void the_periodic_report_breaks_down_by_district_before_1_july_2025_and_by_commune_after() {
        CaseEvents.CaseOpenedBuilder before = CaseEvents.aCase("scenario-periodic-before").intervention(0)
                .province("11", "095").receivedAt(LocalDate.of(2025, 6, 30), LocalTime.of(23, 0));
        CaseEvents.CaseOpenedBuilder after = CaseEvents.aCase("scenario-periodic-after").intervention(0)
                .commune("11", "03151").receivedAt(LocalDate.of(2025, 7, 1), LocalTime.of(8, 0));
        send(List.of(before.build(), after.build()));
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertThat(
                (Map<String, Object>) json("/api/v1/stats/overview?from=2025-06-30&to=2025-07-01&province=11")
                        .get("byProvince")).containsEntry("11", 2));

        String firstHalf = http.get().uri("/api/v1/reports/periodic?province=11&period=2025-H1&format=csv")
                .retrieve().body(String.class);
        String secondHalf = http.get().uri("/api/v1/reports/periodic?province=11&period=2025-H2&format=csv")
                .retrieve().body(String.class);
        String year = http.get().uri("/api/v1/reports/periodic?province=11&period=2025&format=html").retrieve()
                .body(String.class);

        assertThat(firstHalf).contains("by-district,095,Mường Lay").doesNotContain("by-commune");
        assertThat(secondHalf).contains("by-commune,03151,Mường Lay").doesNotContain("by-district");
        assertThat(year).contains("Theo huyện/quận (địa giới đến 30/06/2025)")
                .contains("Theo xã/phường/đặc khu (địa giới từ 01/07/2025)");
    }

    @Test
    void a_selection_over_the_fact_budget_stops_reading_at_the_budget_and_is_refused() {
        ReportingBatch batch = new ReportingBatch(2034);
        send(batch.events());
        awaitFigures("from=2034-01-01&to=2034-12-31", ReportingBatch.yearFigures());
        StatsFilter year = new StatsFilter(ReportingPeriod.parse("2034").orElseThrow(), null, null, null, null);
        MongoFactReader reader = new MongoFactReader(mongo, areas);

        FactSet all = reader.load(targets.active(), year, 10_000);
        long facts = all.cases().size() + all.referrals().size() + all.notifications().size();

        assertThat(reader.load(targets.active(), year, facts).cases()).hasSameSizeAs(all.cases());
        assertThatThrownBy(() -> reader.load(targets.active(), year, facts - 1))
                .isInstanceOf(TooManyFactsException.class);
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
    void the_agency_loop_gives_exactly_the_funnel_indicators_and_overdue_referrals_counted_by_hand() {
        AgencyLoopScenario loop = new AgencyLoopScenario(2024);
        sendLoop(loop);
        String q1 = "period=2024-Q1&province=11";

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Map<String, Object> police = funnelRow(q1, "POLICE");
            assertThat(police).containsEntry("issued", 2).containsEntry("acknowledged", 1)
                    .containsEntry("accepted", 1).containsEntry("completed", 1).containsEntry("openOverdue", 1);
            assertThat(indicator(q1, "informant-told-outcome")).containsEntry("value", 1.0);
        });
        assertThat(funnelRow(q1, "HEALTH")).containsEntry("declined", 1)
                .containsEntry("declineReasons", Map.of("OUTSIDE_MANDATE", 1));
        assertThat(funnelRow(q1, "WOMENS_UNION")).containsEntry("forwarded", 1)
                .containsEntry("forwardReasons", Map.of("BETTER_PLACED_AGENCY", 1));
        assertThat((Map<String, Object>) funnelRow(q1, "POLICE").get("onTime"))
                .containsEntry("ACKNOWLEDGEMENT", Map.of("due", 2, "met", 1, "share", 0.5));
        assertThat(indicator(q1, "sexual-abuse-support-started")).containsEntry("value", 1.0)
                .containsEntry("target", 1.0).containsEntry("source", "S2 A.II.2").containsEntry("met", true);
        assertThat(indicator(q1, "abuse-helped-in-time")).containsEntry("numerator", 1).containsEntry("denominator", 2);
        Map<String, Object> overview = json("/api/v1/stats/overview?" + q1);
        assertThat(overview).containsEntry("reports", 3).containsEntry("cases", 2).containsEntry("referrals", 5)
                .containsEntry("openOverdueReferrals", 1).containsEntry("notificationsFailed", 1);
        assertThat((Map<String, Object>) overview.get("casesByStatus")).containsEntry("COMPLETED", 1);
        assertThat((List<Map<String, Object>>) json("/api/v1/stats/overdue?" + q1).get("rows"))
                .extracting(row -> row.get("referralId") + " " + row.get("deadline") + " " + row.get("stage"))
                .contains(loop.traffickingPolice.referralId() + " ACKNOWLEDGEMENT ESCALATED");
        assertThat((List<Map<String, Object>>) json("/api/v1/stats/repeats?" + q1).get("rows"))
                .extracting(row -> row.get("kind") + " " + row.get("key") + " " + row.get("cases"))
                .containsExactly("PLACE 094 2");
        assertThat((List<Map<String, Object>>) json("/api/v1/stats/timeseries?" + q1 + "&granularity=quarter")
                .get("buckets")).singleElement().satisfies(bucket -> assertThat(bucket)
                .containsEntry("period", "2024-Q1").containsEntry("contacts", 3).containsEntry("referrals", 5)
                .containsEntry("completedCases", 1));
        assertThat((List<Map<String, Object>>) json("/api/v1/stats/breakdown?" + q1 + "&by=district").get("rows"))
                .extracting(row -> row.get("key") + " " + row.get("cases") + " " + row.get("referrals"))
                .containsExactly("094 1 3", "095 1 2");
        assertThat(json("/api/v1/facts/cases/" + loop.abuse.caseId())).containsEntry("status", "COMPLETED")
                .containsEntry("referrals", 3).containsEntry("districtCode", "094");
    }

    @Test
    void every_view_exports_csv_with_a_bom_and_the_periodic_report_prints_in_vietnamese() {
        AgencyLoopScenario loop = new AgencyLoopScenario(2024);
        sendLoop(loop);
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(json("/api/v1/stats/overview?period=2024&province=11")).containsEntry("referrals", 5));

        for (String view : List.of("overview", "timeseries", "breakdown?by=concern&", "funnel", "indicators",
                "overdue", "repeats")) {
            String uri = "/api/v1/stats/" + (view.endsWith("&") ? view : view + "?") + "period=2024&format=csv";
            ResponseEntity<byte[]> csv = http.get().uri(uri).retrieve().toEntity(byte[].class);
            assertThat(csv.getHeaders().getContentType().toString()).as(uri).startsWith("text/csv");
            assertThat(csv.getBody()).as(uri).startsWith(0xEF, 0xBB, 0xBF);
            assertThat(csv.getHeaders().getFirst("Content-Disposition")).contains("attachment").contains("-2024.csv");
        }
        String html = http.get().uri("/api/v1/reports/periodic?province=11&period=2024-Q1&format=html").retrieve()
                .body(String.class);
        assertThat(html).contains("Điện Biên").contains("Quý 1 năm 2024").contains("@page{size:A4")
                .contains("S2 A.II.2").contains("Điện Biên Phủ");
        byte[] periodicCsv = http.get().uri("/api/v1/reports/periodic?province=11&period=2024-Q1&format=csv")
                .retrieve().body(byte[].class);
        assertThat(new String(periodicCsv, StandardCharsets.UTF_8)).startsWith("\uFEFF").contains("Điện Biên");
        assertThat(status("/api/v1/reports/periodic?province=11&period=2024-11")).isEqualTo(400);
        assertThat((List<Map<String, Object>>) json("/api/v1/reports/calendar?province=11&year=2026").get("reports"))
                .extracting(r -> r.get("period") + " " + r.get("dueDate") + " " + r.get("source"))
                .contains("2026-Q4 2026-12-15 S0 Art 9.4");
        assertThat((Map<String, Object>) json("/api/v1/areas").get("provinces")).containsEntry("11", "Điện Biên");
        assertThat(status("/api/v1/facts/cases/no-such-case")).isEqualTo(404);
    }

    @Test
    void a_rebuild_replays_the_topics_into_a_new_generation_and_gives_the_same_figures(CapturedOutput output) {
        AgencyLoopScenario loop = new AgencyLoopScenario(2024);
        sendLoop(loop);
        // bulk traffic so that the rebuild's rate means something
        List<Event> bulk = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            bulk.addAll(new AgencyLoopScenario(2020).copy("bulk-" + i).events());
        }
        bulk.forEach(event -> kafka.send(Topics.CASE_EVENTS, event.caseId(), EventJson.write(event)));
        kafka.flush();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(json("/api/v1/stats/overview?period=2020")).containsEntry("referrals", 1500));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(json("/api/v1/stats/overview?period=2024-Q1&province=11")).containsEntry("referrals", 5));
        Map<String, Object> before = withoutTime(json("/api/v1/stats/overview?period=2024-Q1&province=11"));
        Map<String, Object> funnelBefore = json("/api/v1/stats/funnel?period=2024-Q1&province=11");
        long generationBefore = targets.active();

        ResponseEntity<Map> started = http.post().uri("/api/v1/projections/rebuild").retrieve()
                .toEntity(Map.class);
        assertThat(started.getStatusCode().value()).isEqualTo(202);
        assertThat(withoutTime(json("/api/v1/stats/overview?period=2024-Q1&province=11")))
                .as("the old figures are served during the rebuild").isEqualTo(before);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(json("/api/v1/projections/rebuild")).containsEntry("state", "COMPLETED"));
        Map<String, Object> status = json("/api/v1/projections/rebuild");
        System.out.println("REBUILD-RATE " + status);
        assertThat(((Number) status.get("eventsRead")).longValue()).isGreaterThanOrEqualTo(bulk.size());
        assertThat(((Number) status.get("eventsPerSecond")).doubleValue()).isPositive();
        assertThat(targets.active()).isEqualTo(generationBefore + 1);
        assertThat(output.getAll()).as("the log of %s events is rebuilt in passes", status.get("eventsRead"))
                .contains("pass 2 of");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(mongo.collectionExists(
                MongoFactStore.cases(generationBefore))).as("the old generation is dropped after the switch").isFalse());
        assertThat(withoutTime(json("/api/v1/stats/overview?period=2024-Q1&province=11"))).isEqualTo(before);
        assertThat(json("/api/v1/stats/funnel?period=2024-Q1&province=11")).isEqualTo(funnelBefore);
        assertThat(json("/api/v1/stats/overview?period=2020")).containsEntry("referrals", 1500);
    }

    @Test
    void a_poison_message_on_each_notification_topic_is_dead_lettered_and_the_next_events_are_counted() {
        AgencyLoopScenario loop = new AgencyLoopScenario(2019);
        for (String topic : List.of(Topics.NOTIFICATIONS_DELIVERED, Topics.NOTIFICATIONS_FAILED)) {
            String poisonKey = "poison-" + UUID.randomUUID();
            sendRaw(topic, poisonKey, "{\"eventType\":\"NotificationDelivered.v1\",".getBytes(StandardCharsets.UTF_8));
            try (KafkaConsumer<String, byte[]> consumer = deadLetterConsumer(Topics.deadLetterOf(topic,
                    "reporting-service"))) {
                List<String> keys = new ArrayList<>();
                await().atMost(PATIENCE).untilAsserted(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(record -> keys.add(record.key()));
                    assertThat(keys).contains(poisonKey);
                });
            }
        }
        sendLoop(loop);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(json("/api/v1/stats/overview?period=2019"))
                .containsEntry("notificationsDelivered", 1).containsEntry("notificationsFailed", 1));
    }

    private void sendLoop(AgencyLoopScenario loop) {
        loop.events().forEach(event -> sendRaw(Topics.CASE_EVENTS, event.caseId(), EventJson.write(event)));
        loop.notifications().forEach(event -> sendRaw(event instanceof
                vn.childprotection.platform.contracts.NotificationDelivered ? Topics.NOTIFICATIONS_DELIVERED
                : Topics.NOTIFICATIONS_FAILED, event.caseId(), EventJson.write(event)));
    }

    private Map<String, Object> funnelRow(String filter, String agency) {
        return ((List<Map<String, Object>>) json("/api/v1/stats/funnel?" + filter).get("rows")).stream()
                .filter(row -> agency.equals(row.get("agency"))).findFirst().orElseThrow();
    }

    private Map<String, Object> indicator(String filter, String id) {
        return ((List<Map<String, Object>>) json("/api/v1/stats/indicators?" + filter).get("indicators")).stream()
                .filter(row -> id.equals(row.get("id"))).findFirst().orElseThrow();
    }

    private Map<String, Object> json(String uri) {
        return http.get().uri(uri).retrieve().body(Map.class);
    }

    private int status(String uri) {
        return http.get().uri(uri).retrieve().onStatus(HttpStatusCode::isError, (request, reply) -> {
        }).toBodilessEntity().getStatusCode().value();
    }

    private static Map<String, Object> withoutTime(Map<String, Object> overview) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(overview);
        copy.remove("generatedAt");
        return copy;
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
        sendRaw(Topics.CASE_EVENTS, key, value);
    }

    private void sendRaw(String topic, String key, byte[] value) {
        try {
            kafka.send(topic, key, value).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
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
        return deadLetterConsumer(DLT);
    }

    private KafkaConsumer<String, byte[]> deadLetterConsumer(String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
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
