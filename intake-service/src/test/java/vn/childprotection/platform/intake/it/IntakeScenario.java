package vn.childprotection.platform.intake.it;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.platform.contracts.AreaPlacement;
import vn.childprotection.platform.contracts.AuditEvent;
import vn.childprotection.platform.contracts.AuditRecorded;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.Ids;
import vn.childprotection.platform.contracts.IntakeEvent;
import vn.childprotection.platform.contracts.Location;
import vn.childprotection.platform.contracts.ReportSubmitted;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.intake.fixtures.HostileReports;
import vn.childprotection.platform.intake.fixtures.ReportJson;
import vn.childprotection.platform.support.security.EndpointOperations;
import vn.childprotection.platform.testsupport.identity.EndpointMatrix;
import vn.childprotection.platform.testsupport.identity.TestActor;
import vn.childprotection.platform.testsupport.identity.TestIssuer;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a hotline operator sees of intake, on a real Kafka broker and a MongoDB-wire store: the variants name which.
 * Records on the topic are read with a plain Kafka consumer; a record is found by its case id key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class IntakeScenario {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestIssuer.register(registry);
    }

    @BeforeEach
    void subscribe() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "intake-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.INTAKE_REPORTS, Topics.INTAKE_REPORTS_URGENT, Topics.AUDIT_EVENTS));
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void a_valid_vietnamese_report_is_accepted_and_on_the_topic_keyed_by_its_case_with_nothing_personal_in_headers() {
        ReportJson report = ReportJson.valid();

        HttpResponse<String> response = post(report.toString());

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = JSON.readTree(response.body());
        String caseId = Ids.caseIdFor(UUID.fromString(report.reportId()));
        assertThat(body.get("reportId").asString()).isEqualTo(report.reportId());
        assertThat(body.get("caseId").asString()).isEqualTo(caseId);
        assertThat(body.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(body.get("placement")).isEqualTo(JSON.readTree("""
                {"areaMap":"VN-2026-04","outcome":"AS_GIVEN","location":{"provinceCode":"11","communeCode":"03127"},
                 "notes":[]}"""));

        List<ConsumerRecord<String, byte[]>> records = recordsFor(caseId, 1);
        ConsumerRecord<String, byte[]> record = records.getFirst();
        ReportSubmitted event = (ReportSubmitted) EventJson.read(record.value(), IntakeEvent.class);
        assertThat(event.location()).isEqualTo(new Location("11", null, "03127"));
        assertThat(event.placement()).isEqualTo(new AreaPlacement("VN-2026-04", AreaPlacement.Outcome.AS_GIVEN, null,
                List.of()));
        assertThat(event.narrative()).isEqualTo("Hàng xóm nghe thấy tiếng kêu cứu của cháu bé vào ban đêm.");
        assertThat(event.child().fullName()).isEqualTo("Nguyễn Thị Hoa");
        assertThat(event.reporter().fullName()).isEqualTo("Trần Văn Bình");
        assertThat(event.eventId()).isEqualTo(Ids.nameBased(ReportSubmitted.TYPE, report.reportId()));
        for (Header header : record.headers()) {
            String value = new String(header.value(), StandardCharsets.UTF_8);
            assertThat(value).doesNotContain("Nguyễn", "Trần", "0912345678", "Hàng xóm");
        }
        ReportJson marker = ReportJson.valid();
        post(marker.toString());
        recordsFor(Ids.caseIdFor(UUID.fromString(marker.reportId())), 1);
        assertThat(seen.stream().filter(r -> caseId.equals(r.key()))).as("exactly one record").hasSize(1);
    }

    @Test
    void an_anonymous_informants_name_and_phone_are_in_no_topic_and_not_in_the_report_log() {
        ReportJson report = ReportJson.valid().with(root -> root.putObject("reporter")
                .put("fullName", "Lê Ẩn Danh").put("phone", "0987 000 111").put("relationship", "NEIGHBOUR")
                .put("anonymous", true).put("wantsFeedback", true));

        HttpResponse<String> response = post(report.toString());

        assertThat(response.statusCode()).isEqualTo(202);
        String caseId = Ids.caseIdFor(UUID.fromString(report.reportId()));
        ReportSubmitted event = (ReportSubmitted) EventJson.read(recordsFor(caseId, 1).getFirst().value(),
                IntakeEvent.class);
        assertThat(event.reporter().fullName()).isNull();
        assertThat(event.reporter().phone()).isNull();
        assertThat(event.reporter().anonymous()).isTrue();
        ReportJson marker = ReportJson.valid();
        post(marker.toString());
        recordsFor(Ids.caseIdFor(UUID.fromString(marker.reportId())), 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream().anyMatch(r -> Topics.AUDIT_EVENTS.equals(r.topic())
                    && new String(r.value(), StandardCharsets.UTF_8).contains(caseId));
        });
        for (ConsumerRecord<String, byte[]> record : seen) {
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).as(record.topic())
                    .doesNotContain("Lê Ẩn Danh", "0987 000 111", "0987000111");
            for (Header header : record.headers()) {
                assertThat(new String(header.value(), StandardCharsets.UTF_8))
                        .doesNotContain("Lê Ẩn Danh", "0987 000 111");
            }
        }
        org.bson.Document stored = mongo.findById(report.reportId(), org.bson.Document.class, "reports");
        assertThat(stored).isNotNull();
        assertThat(stored.toJson()).doesNotContain("Lê Ẩn Danh", "0987 000 111", "0987000111");
        assertThat(mongo.getCollectionNames()).allSatisfy(collection ->
                mongo.findAll(org.bson.Document.class, collection).forEach(document ->
                        assertThat(document.toJson()).doesNotContain("Lê Ẩn Danh", "0987 000 111")));
    }

    @Test
    void a_report_of_today_naming_a_district_is_accepted_published_at_its_place_on_todays_map_and_the_answer_says_so() {
        ReportJson report = ReportJson.valid().with(root -> root.putObject("location").put("provinceCode", "11")
                .put("districtCode", "094").put("communeCode", "03127"));

        HttpResponse<String> response = post(report.toString());
        HttpResponse<String> again = post(report.toString());

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode placement = JSON.readTree(response.body()).get("placement");
        assertThat(placement.get("areaMap").asString()).isEqualTo("VN-2026-04");
        assertThat(placement.get("outcome").asString()).isEqualTo("MAPPED");
        assertThat(placement.get("location")).isEqualTo(JSON.readTree("""
                {"provinceCode":"11","communeCode":"03127"}"""));
        assertThat(placement.get("reported")).isEqualTo(JSON.readTree("""
                {"provinceCode":"11","districtCode":"094","communeCode":"03127"}"""));
        assertThat(placement.get("notes").get(0).asString()).contains("districtCode 094").contains("VN-2024");
        assertThat(again.statusCode()).as("a retry of the same body").isEqualTo(202);
        assertThat(JSON.readTree(again.body())).as("answers the same").isEqualTo(JSON.readTree(response.body()));

        String caseId = Ids.caseIdFor(UUID.fromString(report.reportId()));
        ReportSubmitted event = (ReportSubmitted) EventJson.read(recordsFor(caseId, 1).getFirst().value(),
                IntakeEvent.class);
        assertThat(event.location()).isEqualTo(new Location("11", null, "03127"));
        assertThat(event.placement().areaMap()).isEqualTo("VN-2026-04");
        assertThat(event.placement().outcome()).isEqualTo(AreaPlacement.Outcome.MAPPED);
        assertThat(event.placement().reported()).isEqualTo(new Location("11", "094", "03127"));
        assertThat(event.placement().notes()).containsExactly(
                StreamSupport.stream(placement.get("notes").spliterator(), false).map(JsonNode::asString)
                        .toArray(String[]::new));
        ReportJson marker = ReportJson.valid();
        post(marker.toString());
        recordsFor(Ids.caseIdFor(UUID.fromString(marker.reportId())), 1);
        assertThat(seen.stream().filter(r -> caseId.equals(r.key()))).as("exactly one record").hasSize(1);
    }

    @Test
    void codes_that_name_no_place_on_the_map_of_the_day_are_a_problem_naming_the_field_and_nothing_is_published() {
        ReportJson haNoiWithADienBienCommune = ReportJson.valid().with(root -> root.putObject("location")
                .put("provinceCode", "01").put("communeCode", "03127"));

        HttpResponse<String> response = post(haNoiWithADienBienCommune.toString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(fieldsNamedIn(response)).containsExactly("location.communeCode");
        assertThat(response.body()).contains("is not a commune of province 01 on map VN-2026-04");
        assertNothingPublishedFor(haNoiWithADienBienCommune);
    }

    @Test
    void an_emergency_goes_to_the_urgent_lane_and_the_other_severities_to_the_common_one() {
        ReportJson emergency = ReportJson.valid().set("severity", "EMERGENCY");
        ReportJson high = ReportJson.valid().set("severity", "HIGH");

        assertThat(post(emergency.toString()).statusCode()).isEqualTo(202);
        assertThat(post(high.toString()).statusCode()).isEqualTo(202);

        assertThat(recordsFor(Ids.caseIdFor(UUID.fromString(emergency.reportId())), 1).getFirst().topic())
                .isEqualTo(Topics.INTAKE_REPORTS_URGENT);
        assertThat(recordsFor(Ids.caseIdFor(UUID.fromString(high.reportId())), 1).getFirst().topic())
                .isEqualTo(Topics.INTAKE_REPORTS);
    }

    @Test
    void the_same_report_sent_again_returns_the_same_case_and_creates_nothing_new() {
        ReportJson report = ReportJson.valid();
        HttpResponse<String> first = post(report.toString());
        String caseId = JSON.readTree(first.body()).get("caseId").asString();

        HttpResponse<String> again = post(report.toString());

        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(again.body()).get("caseId").asString()).isEqualTo(caseId);
        ReportJson marker = ReportJson.valid();
        post(marker.toString());
        recordsFor(Ids.caseIdFor(UUID.fromString(marker.reportId())), 1);
        assertThat(seen.stream().filter(r -> caseId.equals(r.key()))).hasSize(1);
    }

    @Test
    void another_report_under_a_used_report_id_is_a_conflict() {
        ReportJson report = ReportJson.valid();
        post(report.toString());

        HttpResponse<String> response = post(report.set("narrative", "Một báo cáo khác.").toString());

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void an_invalid_report_gets_a_problem_naming_every_bad_field_and_nothing_is_published() {
        ReportJson bad = ReportJson.valid()
                .set("channel", "FAX")
                .without("severity")
                .concerns("VIOLENCE", "NOT_A_CONCERN")
                .with(n -> n.withObject("location").put("provinceCode", "1"))
                .with(n -> n.withObject("child").put("ageYears", "mười hai"));

        HttpResponse<String> response = post(bad.toString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(StreamSupport.stream(problem.get("errors").spliterator(), false)
                .map(error -> error.get("field").asString()))
                .containsExactlyInAnyOrder("channel", "severity", "concerns[1]", "location.provinceCode",
                        "child.ageYears");
        assertThat(response.body()).doesNotContain("mười hai").doesNotContain("Exception");
        assertNothingPublishedFor(bad);
    }

    @Test
    void fields_of_the_wrong_type_are_each_named_and_nothing_is_published() {
        ReportJson bad = ReportJson.valid()
                .with(n -> n.put("receivedAt", 1763604900))
                .with(n -> n.put("concerns", "VIOLENCE"))
                .with(n -> n.putArray("location").add("11"))
                .with(n -> n.withObject("reporter").put("anonymous", "không"))
                .with(n -> n.withObject("child").put("ageYears", 12.5))
                .with(n -> n.put("narrative", 7));

        HttpResponse<String> response = post(bad.toString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fieldsNamedIn(response)).containsExactlyInAnyOrder("receivedAt", "concerns", "location",
                "reporter.anonymous", "child.ageYears", "narrative");
        assertThat(response.body()).doesNotContain("không");
        assertNothingPublishedFor(bad);
    }

    @Test
    void malformed_json_is_a_problem_naming_the_whole_body() {
        HttpResponse<String> response = post("{\"reportId\": \"3f0e9a4c-2b1d-4c8e-9f6a-7d5b1e2c3a40\",");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(fieldsNamedIn(response)).containsExactly("$");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at tools.");
    }

    @Test
    void oversized_bodies_are_refused_whether_declared_or_streamed() {
        String big = ReportJson.valid().set("narrative", "ư".repeat(40 * 1024)).toString();

        HttpResponse<String> declared = post(big);
        HttpResponse<String> streamed = send(HttpRequest.newBuilder(uri())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))));

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(streamed.statusCode()).isEqualTo(413);
    }

    @Test
    void unknown_paths_unacceptable_answers_and_wrong_methods_are_problems() {
        HttpResponse<String> unknown = send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/nowhere")).GET());
        HttpResponse<String> xmlOnly = send(HttpRequest.newBuilder(uri())
                .header("Content-Type", "application/json").header("Accept", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(ReportJson.valid().toString(), StandardCharsets.UTF_8)));
        HttpResponse<String> get = send(HttpRequest.newBuilder(uri()).GET());
        HttpResponse<String> text = post("{}", "text/plain");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(xmlOnly.statusCode()).isEqualTo(406);
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(text.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void the_api_document_probes_and_metrics_are_served() {
        HttpResponse<String> apiDocs = sendAs(TestActor.ADMIN, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).GET());
        HttpResponse<String> liveness = sendRaw(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness")).GET());
        HttpResponse<String> readiness = sendRaw(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).GET());
        post(ReportJson.valid().toString());
        post(ReportJson.valid().set("channel", "FAX").toString());
        HttpResponse<String> prometheus = sendAs(TestActor.ADMIN, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).GET());

        assertThat(apiDocs.statusCode()).isEqualTo(200);
        JsonNode operation = JSON.readTree(apiDocs.body()).at("/paths/~1api~1v1~1reports/post");
        assertThat(operation.get("responses").propertyNames())
                .contains("202", "400", "401", "403", "406", "409", "413", "415", "503");
        assertThat(operation.at("/security/0").has("bearer")).as("the operation names its security scheme").isTrue();
        assertThat(operation.at("/requestBody/content/application~1json/examples").toString()).contains("Nguyễn Thị Hoa")
                .contains("districtCode");
        assertThat(operation.at("/responses/202/content/application~1json/examples").propertyNames())
                .contains("accepted", "mapped");
        assertThat(JSON.readTree(apiDocs.body()).at("/components/schemas/ReportResponse/properties").propertyNames())
                .contains("placement");
        assertThat(operation.at("/responses/400/content/application~1problem+json/examples").isEmpty()).isFalse();
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(prometheus.body().lines().filter(line -> line.startsWith("intake_reports_total{")))
                .isNotEmpty()
                .allMatch(line -> line.matches("intake_reports_total\\{channel=\"[A-Za-z0-9_]+\",outcome=\"[a-z]+\"} .*"))
                .anyMatch(line -> line.contains("outcome=\"accepted\""))
                .anyMatch(line -> line.contains("channel=\"unknown\",outcome=\"rejected\""));
        assertThat(prometheus.body()).contains("intake_publish_seconds");
    }

    @Test
    void malformed_json_wrong_media_types_and_oversized_bodies_get_problems_not_server_errors() {
        assertThat(post("{\"reportId\": ").statusCode()).isEqualTo(400);
        assertThat(post("[1, 2, 3]").statusCode()).isEqualTo(400);
        assertThat(post("{\"a\":1,\"a\":2}").statusCode()).isEqualTo(400);
        assertThat(post("{}", "text/plain").statusCode()).isEqualTo(415);
        assertThat(post("x".repeat(70 * 1024)).statusCode()).isEqualTo(413);
        ReportJson nested = ReportJson.valid().with(n -> {
            var node = n.putObject("deep");
            for (int i = 0; i < 40; i++) {
                node = node.putObject("d");
            }
        });
        assertThat(post(nested.toString()).statusCode()).isEqualTo(400);
        HttpResponse<String> invalidUtf8 = send(HttpRequest.newBuilder(uri())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[]{'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'})));
        assertThat(invalidUtf8.statusCode()).isEqualTo(400);
        assertThat(send(HttpRequest.newBuilder(uri()).GET()).statusCode()).isEqualTo(405);
    }

    /**
     * Hostile input: a seeded set of hostile bodies (see {@link HostileReports}), each answered with a 4xx
     * problem (400 naming fields, 413 for size), never a server error, never published; the service stays healthy.
     */
    @Test
    void hostile_bodies_each_get_a_problem_never_a_server_error_nothing_is_published_and_intake_stays_healthy() {
        long seed = Long.getLong("fuzz.seed", 6L);
        List<HostileReports.Hostile> hostile = HostileReports.generate(seed, Integer.getInteger("fuzz.count", 150));
        java.util.Set<String> rejectedIds = new java.util.HashSet<>();
        java.util.Map<String, Integer> byStatus = new java.util.TreeMap<>();
        for (HostileReports.Hostile h : hostile) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(h.body())));
            byStatus.merge(response.statusCode() + (h.mayBeValid() ? "?" : ""), 1, Integer::sum);
            if (h.mayBeValid() && response.statusCode() == 202) {
                continue;
            }
            assertThat(response.statusCode()).as("%s (seed %d)", h, seed).isIn(400, 413);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as("%s", h)
                    .startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.path("status").asInt()).isEqualTo(response.statusCode());
            if (response.statusCode() == 400) {
                assertThat(problem.path("errors").isArray() && !problem.path("errors").isEmpty())
                        .as("%s names the bad fields: %s", h, response.body()).isTrue();
                problem.path("errors").forEach(error -> assertThat(error.path("field").asString("")).isNotBlank());
            }
            assertThat(response.body()).as("%s", h).doesNotContain("Exception").doesNotContain("\tat ")
                    .doesNotContain("Nguyễn Thị Hoa").doesNotContain("Trần Văn Bình");
            if (h.reportId() != null && h.reportId().matches("[0-9a-f-]{36}")) {
                rejectedIds.add(h.reportId());
            }
        }
        System.out.printf("hostile bodies: %d, answers %s%n", hostile.size(), byStatus);

        ReportJson marker = ReportJson.valid();
        assertThat(post(marker.toString()).statusCode()).as("a good report after the hostile ones").isEqualTo(202);
        recordsFor(Ids.caseIdFor(UUID.fromString(marker.reportId())), 1);
        java.util.Set<String> rejectedCases = new java.util.HashSet<>();
        rejectedIds.forEach(id -> rejectedCases.add(Ids.caseIdFor(UUID.fromString(id))));
        assertThat(seen).as("nothing published for a rejected report").noneMatch(r -> rejectedCases.contains(r.key()));
        HttpResponse<String> health = send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health")).GET());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
    }

    @Test
    void a_request_without_a_valid_token_is_refused_with_401_and_nothing_is_published() {
        ReportJson report = ReportJson.valid();
        TestIssuer issuer = TestIssuer.shared();
        HttpResponse<String> none = sendRaw(HttpRequest.newBuilder(uri()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(report.toString(), StandardCharsets.UTF_8)));
        List<HttpResponse<String>> bad = List.of(
                postWithToken(report, issuer.forged(TestActor.OPERATOR_111)),
                postWithToken(report, issuer.token(TestActor.OPERATOR_111, claims -> claims
                        .expirationTime(java.util.Date.from(java.time.Instant.now().minusSeconds(120))))),
                postWithToken(report, issuer.token(TestActor.OPERATOR_111, claims -> claims.audience("another-api"))),
                postWithToken(report, issuer.token(TestActor.OPERATOR_111, claims -> claims
                        .issuer("http://127.0.0.1:1/realms/elsewhere"))),
                postWithToken(report, issuer.token(TestActor.OPERATOR_111.withRoles("hotline-volunteer"), claims -> {
                })));

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
        assertThat(none.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(bad).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/problem+json");
        });
        assertNothingPublishedFor(report);
        assertThat(auditRecords()).anySatisfy(record -> {
            assertThat(record.action()).isEqualTo("AUTHENTICATE");
            assertThat(record.outcome()).isEqualTo("REFUSED");
            assertThat(record.status()).isEqualTo(401);
            assertThat(record.subject()).isNull();
        });
    }

    @Test
    void a_role_that_may_not_submit_gets_403_and_an_operator_only_submits_for_the_provinces_of_its_hotline() {
        ReportJson dienBien = ReportJson.valid();
        ReportJson haNoi = ReportJson.valid().with(root -> root.putObject("location").put("provinceCode", "01"));
        TestActor dienBienLine = TestActor.person("operator-11", "operator", List.of("11"), null, null);

        HttpResponse<String> coordinator = sendAs(TestActor.COORDINATOR_11, postOf(dienBien));
        HttpResponse<String> outOfProvince = sendAs(dienBienLine, postOf(haNoi));
        HttpResponse<String> inProvince = sendAs(dienBienLine, postOf(dienBien));

        assertThat(coordinator.statusCode()).isEqualTo(403);
        assertThat(coordinator.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/problem+json");
        assertThat(outOfProvince.statusCode()).isEqualTo(403);
        assertThat(inProvince.statusCode()).isEqualTo(202);
        String caseId = Ids.caseIdFor(UUID.fromString(dienBien.reportId()));
        ReportSubmitted event = (ReportSubmitted) EventJson.read(recordsFor(caseId, 1).getFirst().value(),
                IntakeEvent.class);
        assertThat(event.submittedBy()).as("the submitter, for the read-back").isEqualTo(dienBienLine.subject());
        assertNothingPublishedFor(haNoi);
    }

    @Test
    void an_operator_submits_for_the_province_a_report_is_placed_in_on_the_map_of_its_day() {
        TestActor thaiNguyenLine = TestActor.person("operator-19", "operator", List.of("19"), null, null);
        ReportJson formerBacKan = ReportJson.valid().with(root -> root.putObject("location").put("provinceCode", "06"));

        HttpResponse<String> response = sendAs(thaiNguyenLine, postOf(formerBacKan));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(response.body()).at("/placement/location/provinceCode").asString()).isEqualTo("19");
        ReportSubmitted event = (ReportSubmitted) EventJson.read(recordsFor(Ids.caseIdFor(
                UUID.fromString(formerBacKan.reportId())), 1).getFirst().value(), IntakeEvent.class);
        assertThat(event.location()).isEqualTo(new Location("19", null, null));
        assertThat(event.placement().outcome()).isEqualTo(AreaPlacement.Outcome.MAPPED);
    }

    @Test
    void every_accepted_report_and_every_refusal_is_in_the_audit_trail_before_the_answer_with_a_valid_chain() {
        ReportJson report = ReportJson.valid();

        assertThat(post(report.toString()).statusCode()).isEqualTo(202);
        assertThat(sendAs(TestActor.ANALYST_11, postOf(report)).statusCode()).isEqualTo(403);

        String caseId = Ids.caseIdFor(UUID.fromString(report.reportId()));
        List<AuditRecorded> trail = auditRecords();
        assertThat(trail).anySatisfy(record -> {
            assertThat(record.action()).isEqualTo("SUBMIT_REPORT");
            assertThat(record.outcome()).isEqualTo("ALLOWED");
            assertThat(record.status()).isEqualTo(202);
            assertThat(record.caseId()).isEqualTo(caseId);
            assertThat(record.subject()).isEqualTo(TestActor.OPERATOR_111.subject());
            assertThat(record.roles()).isEqualTo("operator");
            assertThat(record.resource()).isEqualTo("POST /api/v1/reports");
        });
        assertThat(trail).anySatisfy(record -> {
            assertThat(record.subject()).isEqualTo(TestActor.ANALYST_11.subject());
            assertThat(record.outcome()).isEqualTo("REFUSED");
            assertThat(record.status()).isEqualTo(403);
        });
        assertThat(trail).allSatisfy(record -> assertThat(record.toString())
                .doesNotContain("Nguyễn", "Trần", "0912345678", "Hàng xóm"));
        java.util.Map<String, List<vn.childprotection.platform.access.audit.AuditRecord>> chains = new java.util.TreeMap<>();
        trail.forEach(record -> chains.computeIfAbsent(record.producer(), p -> new ArrayList<>())
                .add(vn.childprotection.platform.support.audit.KafkaAuditTrail.fromEvent(record)));
        chains.values().forEach(chain -> assertThat(
                vn.childprotection.platform.access.audit.AuditChainVerifier.verify(chain))
                .isInstanceOf(vn.childprotection.platform.access.audit.AuditChainVerifier.Intact.class));
    }

    /** Every audit record this service wrote so far (each is on the broker before its request was answered). */
    private List<AuditRecorded> auditRecords() {
        consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
        return seen.stream().filter(record -> Topics.AUDIT_EVENTS.equals(record.topic()))
                .map(record -> (AuditRecorded) EventJson.read(record.value(), AuditEvent.class)).toList();
    }

    private HttpRequest.Builder postOf(ReportJson report) {
        return HttpRequest.newBuilder(uri()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(report.toString(), StandardCharsets.UTF_8));
    }

    private HttpResponse<String> postWithToken(ReportJson report, String token) {
        return sendRaw(postOf(report).header("Authorization", "Bearer " + token));
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

        assertThat(EndpointMatrix.check("intake", "http://127.0.0.1:" + port, rows,
                java.nio.file.Path.of("..", "docs", "authorization.md"))).isEmpty();
    }

    private static List<String> fieldsNamedIn(HttpResponse<String> response) {
        return StreamSupport.stream(JSON.readTree(response.body()).get("errors").spliterator(), false)
                .map(error -> error.get("field").asString()).toList();
    }

    private void assertNothingPublishedFor(ReportJson report) {
        ReportJson marker = ReportJson.valid();
        post(marker.toString());
        recordsFor(Ids.caseIdFor(UUID.fromString(marker.reportId())), 1);
        String caseId = Ids.caseIdFor(UUID.fromString(report.reportId()));
        assertThat(seen).noneMatch(record -> caseId.equals(record.key()));
    }

    /** Polls until {@code count} records keyed by the case are seen; everything polled is kept in {@link #seen}. */
    private List<ConsumerRecord<String, byte[]>> recordsFor(String caseId, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream().filter(r -> caseId.equals(r.key())).count() >= count;
        });
        return seen.stream().filter(r -> caseId.equals(r.key())).toList();
    }

    private HttpResponse<String> post(String body) {
        return post(body, "application/json");
    }

    private HttpResponse<String> post(String body, String contentType) {
        return send(HttpRequest.newBuilder(uri()).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** Sends as the national hotline's operator. */
    private HttpResponse<String> send(HttpRequest.Builder request) {
        return sendAs(TestActor.OPERATOR_111, request);
    }

    private HttpResponse<String> sendAs(TestActor actor, HttpRequest.Builder request) {
        return sendRaw(request.header("Authorization", TestIssuer.shared().bearer(actor)));
    }

    private HttpResponse<String> sendRaw(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError("request failed", e);
        }
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/api/v1/reports");
    }

}
