package vn.childprotection.platform.audit.it;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.childprotection.platform.access.audit.AuditChain;
import vn.childprotection.platform.access.audit.AuditRecord.Outcome;
import vn.childprotection.platform.access.audit.AuditRecord;
import vn.childprotection.platform.audit.adapter.out.mongo.AuditDocumentsAccess;
import vn.childprotection.platform.audit.adapter.out.mongo.MongoAuditStore;
import vn.childprotection.platform.audit.adapter.out.mongo.MongoPurgeMarkers;
import vn.childprotection.platform.audit.application.Retention;
import vn.childprotection.platform.contracts.AuditRecorded;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.Ids;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.support.audit.KafkaAuditTrail;
import vn.childprotection.platform.support.security.EndpointOperations;
import vn.childprotection.platform.testsupport.TestKafka;
import vn.childprotection.platform.testsupport.identity.EndpointMatrix;
import vn.childprotection.platform.testsupport.identity.TestActor;
import vn.childprotection.platform.testsupport.identity.TestIssuer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * audit.events.v1 in, the trail out to auditors: the whole service against a broker, a MongoDB and a token issuer.
 * Records are written as every service writes them, by service-support's {@link KafkaAuditTrail}, each scenario
 * under producers and ids of its own, so scenarios share one context. A scenario that tampers with the store puts
 * the records back, so every other scenario finds the trail intact.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "audit.purge.initial-delay=1h")
abstract class AuditTrailScenario {

    /** {@code Topics.deadLetterOf(Topics.AUDIT_EVENTS, "audit-service")}, as a constant for annotations. */
    static final String DLT = "audit.events.v1.audit-service.dlt";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TestIssuer ISSUER = TestIssuer.shared();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestIssuer.register(registry);
    }

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Retention retention;

    private final List<AutoCloseable> closing = new ArrayList<>();
    private RestClient http;

    @BeforeEach
    void connect() {
        http = RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();
    }

    @AfterEach
    void disconnect() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
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

        assertThat(EndpointMatrix.check("audit", "http://127.0.0.1:" + port, rows,
                java.nio.file.Path.of("..", "docs", "authorization.md"))).isEmpty();
    }

    @Test
    void records_written_by_a_service_are_served_to_the_auditor_filtered_newest_first() {
        KafkaAuditTrail trail = trail("it-referral");
        String officer = "subject-police-" + suffix();
        String caseA = UUID.randomUUID().toString();
        String caseB = UUID.randomUUID().toString();
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        trail.record(draft(t, officer, "READ_REFERRAL", caseA, Outcome.ALLOWED, 200, null));
        trail.record(draft(t.plusSeconds(60), officer, "READ_CASE", caseA, Outcome.REFUSED, 404,
                "outside the caller's unit"));
        trail.record(draft(t.plusSeconds(120), officer, "RESPOND_TO_REFERRAL", caseB, Outcome.ALLOWED, 200, null));
        trail.record(draft(t.plusSeconds(180), "subject-coordinator-11", "READ_CASE", caseA, Outcome.ALLOWED, 200,
                null));
        trail.record(draft(t.plusSeconds(240), null, AuditRecord.AUTHENTICATE, null, Outcome.REFUSED, 401,
                "no bearer token"));
        awaitStored(trail.producerId(), 5);

        assertThat(sequences("actor=" + officer)).containsExactly(3L, 2L, 1L);
        // the first query of case A: later ones narrow further, as each read is recorded under the case it names
        assertThat(sequences("caseId=" + caseA)).containsExactly(4L, 2L, 1L);
        assertThat(sequences("caseId=" + caseA + "&outcome=REFUSED")).containsExactly(2L);
        assertThat(sequences("actor=" + officer + "&action=RESPOND_TO_REFERRAL")).containsExactly(3L);
        assertThat(sequences("producer=" + trail.producerId())).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(sequences("caseId=" + caseA + "&from=" + t.plusSeconds(60) + "&to=" + t.plusSeconds(180)))
                .as("from included, to excluded").containsExactly(2L);
        JsonNode page = auditor("/api/v1/audit?actor=" + officer + "&page=1&size=2");
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(page.get("items")).hasSize(1);
        JsonNode first = page.get("items").get(0);
        assertThat(first.get("eventId").asString())
                .isEqualTo(Ids.nameBased(AuditRecorded.TYPE, trail.producerId(), "1"));
        assertThat(first.get("producer").asString()).isEqualTo(trail.producerId());
        assertThat(first.get("occurredAt").asString()).isEqualTo(t.toString());
        assertThat(first.get("previousHash").asString()).isEqualTo(AuditChain.GENESIS);
        assertThat(first.get("roles").asString()).isEqualTo("agency-officer");
        assertThat(first.get("conflicting").asBoolean()).isFalse();
        assertThat(auditor("/api/v1/audit?caseId=" + caseA + "&outcome=REFUSED").at("/items/0/reason").asString())
                .isEqualTo("outside the caller's unit");
    }

    @Test
    void the_auditor_exports_the_selection_as_csv_with_a_header_row() {
        KafkaAuditTrail trail = trail("it-notification");
        String caseId = UUID.randomUUID().toString();
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofMinutes(30));
        trail.record(draft(t, "subject-coordinator-11", "REVEAL_INFORMANT", caseId, Outcome.ALLOWED, 200,
                "Lý do: \"khẩn cấp\", gọi lại\ncho trẻ"));
        trail.record(draft(t.plusSeconds(1), "subject-coordinator-11", "RETRY_NOTIFICATION", caseId, Outcome.ALLOWED,
                202, null));
        trail.record(draft(t.plusSeconds(2), "subject-coordinator-11", "LIST_NOTIFICATIONS", caseId, Outcome.ALLOWED,
                200, null));
        awaitStored(trail.producerId(), 3);

        // the coordinator's records only: each export is itself recorded, under the case it selects
        String selection = "caseId=" + caseId + "&actor=subject-coordinator-11";
        ResponseEntity<byte[]> byFormat = get("/api/v1/audit?" + selection + "&format=csv", TestActor.AUDITOR, null);
        ResponseEntity<byte[]> byAccept = get("/api/v1/audit?" + selection, TestActor.AUDITOR, "text/csv");

        assertThat(byFormat.getStatusCode().value()).isEqualTo(200);
        assertThat(byFormat.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(byFormat.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("attachment")
                .contains(".csv");
        String csv = new String(byFormat.getBody(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFeventId,occurredAt,producer,sequence,subject,roles,agency,unit,client,"
                + "action,resource,caseId,referralId,notificationId,outcome,status,clientAddress,reason,previousHash,"
                + "hash,conflicting\r\n");
        assertThat(csv).contains(",LIST_NOTIFICATIONS,")
                .contains(",\"Lý do: \"\"khẩn cấp\"\", gọi lại\ncho trẻ\",");
        assertThat(csv.split("\r\n")).hasSize(4);
        assertThat(csv.split("\r\n")[1]).contains("," + trail.producerId() + ",3,");
        assertThat(new String(byAccept.getBody(), StandardCharsets.UTF_8)).isEqualTo(csv);
    }

    @Test
    void the_trail_is_refused_without_a_valid_token_and_to_anyone_but_an_auditor() {
        Instant before = Instant.now();

        ResponseEntity<byte[]> anonymous = get("/api/v1/audit", null, null);
        ResponseEntity<byte[]> forged = getWithAuthorization("/api/v1/audit", "Bearer "
                + ISSUER.forged(TestActor.AUDITOR));
        ResponseEntity<byte[]> expired = getWithAuthorization("/api/v1/audit", "Bearer " + ISSUER.token(
                TestActor.AUDITOR, claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(120)))));
        ResponseEntity<byte[]> coordinator = get("/api/v1/audit", TestActor.COORDINATOR_11, null);
        ResponseEntity<byte[]> coordinatorCsv = get("/api/v1/audit?format=csv", TestActor.COORDINATOR_11, null);
        ResponseEntity<byte[]> admin = get("/api/v1/audit/verification", TestActor.ADMIN, null);

        for (ResponseEntity<byte[]> refused : List.of(anonymous, forged, expired)) {
            assertThat(refused.getStatusCode().value()).isEqualTo(401);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        }
        for (ResponseEntity<byte[]> refused : List.of(coordinator, coordinatorCsv, admin)) {
            assertThat(refused.getStatusCode().value()).isEqualTo(403);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(ownRecords(before, "action", AuditRecord.AUTHENTICATE)).hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(r -> assertThat(r).containsEntry("outcome", "REFUSED").containsEntry("status", 401));
            // refused by the filter chain before the request is read: recorded under the endpoint's first operation
            assertThat(ownRecords(before, "subject", "subject-coordinator-11"))
                    .extracting(r -> r.get("action") + " " + r.get("outcome") + " " + r.get("status"))
                    .containsSubsequence("READ_AUDIT REFUSED 403", "READ_AUDIT REFUSED 403");
            assertThat(ownRecords(before, "subject", "subject-admin"))
                    .extracting(r -> r.get("action") + " " + r.get("outcome") + " " + r.get("status"))
                    .contains("VERIFY_AUDIT_CHAIN REFUSED 403");
        });
    }

    @Test
    void every_answer_to_the_auditor_is_itself_in_the_trail() {
        String caseId = UUID.randomUUID().toString();
        Instant before = Instant.now();

        auditor("/api/v1/audit?caseId=" + caseId);
        get("/api/v1/audit?caseId=" + caseId + "&format=csv", TestActor.AUDITOR, null);
        auditor("/api/v1/audit/verification");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ownRecords(before, "subject", "subject-auditor"))
                .extracting(r -> r.get("action") + " " + r.get("caseId") + " " + r.get("outcome") + " "
                        + r.get("status") + " " + r.get("resource"))
                .contains("READ_AUDIT " + caseId + " ALLOWED 200 GET /api/v1/audit",
                        "EXPORT_AUDIT " + caseId + " ALLOWED 200 GET /api/v1/audit",
                        "VERIFY_AUDIT_CHAIN null ALLOWED 200 GET /api/v1/audit/verification"));
    }

    @Test
    void a_replayed_record_is_stored_once() {
        String producer = "it-replayed-" + suffix();
        String caseId = UUID.randomUUID().toString();
        AuditRecord first = AuditChain.append(null, withProducer(draft(Instant.now(), "subject-operator-111",
                "SUBMIT_REPORT", caseId, Outcome.ALLOWED, 202, null), producer));
        AuditRecord second = AuditChain.append(first, withProducer(draft(Instant.now(), "subject-operator-111",
                "READ_OWN_SUBMISSION", caseId, Outcome.ALLOWED, 200, null), producer));

        send(producer, first);
        send(producer, first);
        send(producer, second);
        awaitStored(producer, 2);
        send(producer, first);
        send(producer, second);

        // the operator's records only: each of the auditor's reads is itself recorded under the case it names
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(auditor("/api/v1/audit?caseId=" + caseId
                + "&actor=subject-operator-111").get("total").asLong()).isEqualTo(2));
        assertThat(mongo.count(query(where("producer").is(producer)), MongoAuditStore.COLLECTION)).isEqualTo(2);
        assertThat(mongo.count(query(where("_id").is(KafkaAuditTrail.toEvent(first).eventId())),
                MongoAuditStore.COLLECTION)).isEqualTo(1);
    }

    @Test
    void verification_is_intact_and_finds_a_forged_a_deleted_and_a_reordered_record_where_they_are() {
        KafkaAuditTrail trail = trail("0-it-tampered");
        Instant t = Instant.now().minus(Duration.ofMinutes(10));
        for (int i = 0; i < 6; i++) {
            trail.record(draft(t.plusSeconds(i), "subject-police-11", "READ_REFERRAL", UUID.randomUUID().toString(),
                    Outcome.ALLOWED, 200, null));
        }
        String producer = trail.producerId();
        awaitStored(producer, 6);

        JsonNode intact = verification();
        assertThat(intact.get("intact").asBoolean()).as(intact.toString()).isTrue();
        assertThat(intact.get("firstBreak").isNull()).isTrue();
        assertThat(intact.get("brokenChains").asLong()).isZero();
        assertThat(intact.get("producers").asLong()).isGreaterThanOrEqualTo(2); // this one and the service's own
        assertThat(intact.get("records").asLong()).isGreaterThanOrEqualTo(6);

        tampered(producer, 3, doc -> doc.put("action", "REVEAL_INFORMANT"), () ->
                assertBreak(producer, 3, "ALTERED", "its fields do not give its hash"));
        Document fourth = stored(producer, 4);
        mongo.getCollection(MongoAuditStore.COLLECTION).deleteOne(new Document("_id", fourth.get("_id")));
        assertBreak(producer, 5, "MISSING", "records 4 to 4 are missing");
        mongo.getCollection(MongoAuditStore.COLLECTION).insertOne(fourth);
        Document second = stored(producer, 2);
        Document third = stored(producer, 3);
        replaceWith(second.get("_id"), copy(second, "sequence", 3L));
        replaceWith(third.get("_id"), copy(third, "sequence", 2L));
        assertBreak(producer, 2, "ALTERED", "its fields do not give its hash");
        replaceWith(second.get("_id"), second);
        replaceWith(third.get("_id"), third);

        assertThat(verification().get("intact").asBoolean()).as("every record put back").isTrue();
    }

    @Test
    void a_second_record_under_a_known_event_id_is_kept_as_a_conflicting_copy_that_breaks_its_chain() {
        KafkaAuditTrail trail = trail("0-it-conflict");
        String caseId = UUID.randomUUID().toString();
        Instant t = Instant.now().minus(Duration.ofMinutes(5));
        for (int i = 0; i < 3; i++) {
            trail.record(draft(t.plusSeconds(i), "subject-coordinator-11", "READ_CASE", caseId, Outcome.ALLOWED,
                    200, null));
        }
        String producer = trail.producerId();
        awaitStored(producer, 3);
        AuditRecord original = AuditDocumentsAccess.record(stored(producer, 2));
        AuditRecord rewritten = rehashed(new AuditRecord(producer, 2, original.at(), original.subject(),
                original.roles(), original.agency(), original.unit(), original.client(), "REVEAL_INFORMANT",
                original.resource(), caseId, null, null, Outcome.ALLOWED, 200, original.clientAddress(),
                "a reason written afterwards", original.previousHash(), null));

        send(producer, rewritten);

        // the coordinator's records only: each of the auditor's reads is itself recorded under the case it names
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(auditor("/api/v1/audit?caseId=" + caseId
                + "&actor=subject-coordinator-11").get("total").asLong()).isEqualTo(4));
        JsonNode copy = auditor("/api/v1/audit?caseId=" + caseId + "&action=REVEAL_INFORMANT").get("items").get(0);
        assertThat(copy.get("conflicting").asBoolean()).isTrue();
        assertThat(copy.get("eventId").asString()).isEqualTo(Ids.nameBased(AuditRecorded.TYPE, producer, "2"));
        assertBreak(producer, 2, "OUT_OF_ORDER", "comes after record 2");

        mongo.getCollection(MongoAuditStore.COLLECTION).deleteOne(new Document("conflicting", true)
                .append("producer", producer));
        assertThat(verification().get("intact").asBoolean()).isTrue();
    }

    @Test
    void records_past_the_retention_period_are_purged_and_their_chain_still_verifies() {
        KafkaAuditTrail trail = trail("0-it-retention");
        Instant sixYearsAgo = Instant.now().minus(Duration.ofDays(6 * 365));
        for (int i = 0; i < 3; i++) {
            trail.record(draft(sixYearsAgo.plusSeconds(i), "subject-coordinator-11", "READ_CASE",
                    UUID.randomUUID().toString(), Outcome.ALLOWED, 200, null));
        }
        for (int i = 0; i < 2; i++) {
            trail.record(draft(Instant.now(), "subject-coordinator-11", "LIST_CASES", null, Outcome.ALLOWED, 200,
                    null));
        }
        String producer = trail.producerId();
        awaitStored(producer, 5);
        Document firstRecord = stored(producer, 1);

        Retention.Result purged = retention.purge();

        assertThat(purged.records()).isGreaterThanOrEqualTo(3);
        assertThat(storedSequences(producer)).containsExactly(4L, 5L);
        Document marker = mongo.getCollection(MongoPurgeMarkers.COLLECTION).find(new Document("_id", producer)).first();
        assertThat(marker).isNotNull().containsEntry("sequence", 3L).containsEntry("purgedRecords", 3L);
        JsonNode afterPurge = verification();
        assertThat(afterPurge.get("intact").asBoolean()).as(afterPurge.toString()).isTrue();

        send(producer, AuditDocumentsAccess.record(firstRecord)); // replayed after its purge
        trail.record(draft(Instant.now(), "subject-coordinator-11", "LIST_CASES", null, Outcome.ALLOWED, 200, null));
        awaitStored(producer, 3);
        assertThat(storedSequences(producer)).as("a purged record is not stored again").containsExactly(4L, 5L, 6L);

        Document fourth = stored(producer, 4);
        mongo.getCollection(MongoAuditStore.COLLECTION).deleteOne(new Document("_id", fourth.get("_id")));
        assertBreak(producer, 5, "MISSING", "records 4 to 4 are missing");
        mongo.getCollection(MongoAuditStore.COLLECTION).insertOne(fourth);
        assertThat(verification().get("intact").asBoolean()).isTrue();
    }

    @Test
    void a_malformed_record_is_dead_lettered_a_newer_type_skipped_and_the_next_records_stored() {
        String producer = "it-malformed-" + suffix();
        AuditRecord good = AuditChain.append(null, withProducer(draft(Instant.now(), "subject-auditor", "READ_AUDIT",
                null, Outcome.ALLOWED, 200, null), producer));
        ObjectNode withoutHash = (ObjectNode) JSON.readTree(EventJson.write(KafkaAuditTrail.toEvent(good)));
        withoutHash.putNull("hash");
        String unknownKey = "newer-" + suffix();

        try (KafkaConsumer<String, byte[]> deadLetters = deadLetterConsumer()) {
            sendRaw("garbled-" + producer, "{\"eventType\":\"AuditRecorded.v1\",".getBytes(StandardCharsets.UTF_8));
            sendRaw("hashless-" + producer, JSON.writeValueAsBytes(withoutHash));
            sendRaw(unknownKey, ("{\"eventType\":\"AuditSealed.v2\",\"eventId\":\"" + UUID.randomUUID()
                    + "\",\"occurredAt\":\"2026-12-07T08:00:00Z\"}").getBytes(StandardCharsets.UTF_8));
            send(producer, good);

            awaitStored(producer, 1);
            List<String> keys = new ArrayList<>();
            await().atMost(PATIENCE).untilAsserted(() -> {
                deadLetters.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
                assertThat(keys).contains("garbled-" + producer, "hashless-" + producer);
            });
            assertThat(keys).doesNotContain(unknownKey);
        }
    }

    @Test
    void bad_parameters_are_a_problem_naming_every_bad_one() {
        ResponseEntity<byte[]> answer = get("/api/v1/audit?from=yesterday&size=501&outcome=DENIED",
                TestActor.AUDITOR, null);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = JSON.readTree(answer.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactly("outcome", "from", "size");
    }

    @Test
    void the_service_reports_its_health_and_documents_its_api_to_administrators() {
        ResponseEntity<byte[]> readiness = get("/actuator/health/readiness", null, null);
        ResponseEntity<byte[]> docs = get("/v3/api-docs", TestActor.ADMIN, null);
        ResponseEntity<byte[]> docsForAuditor = get("/v3/api-docs", TestActor.AUDITOR, null);

        assertThat(readiness.getStatusCode().value()).isEqualTo(200);
        assertThat(JSON.readTree(readiness.getBody()).get("status").asString()).isEqualTo("UP");
        assertThat(docs.getStatusCode().value()).isEqualTo(200);
        JsonNode api = JSON.readTree(docs.getBody());
        assertThat(api.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        JsonNode list = api.at("/paths/~1api~1v1~1audit/get");
        assertThat(list.at("/security/0").has("bearer")).isTrue();
        assertThat(list.get("responses").propertyNames()).contains("200", "400", "401", "403", "422");
        assertThat(list.at("/responses/200/content").propertyNames()).contains("application/json", "text/csv");
        assertThat(api.at("/paths/~1api~1v1~1audit~1verification/get/security/0").has("bearer")).isTrue();
        assertThat(docsForAuditor.getStatusCode().value()).isEqualTo(403);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private KafkaAuditTrail trail(String name) {
        KafkaAuditTrail trail = KafkaAuditTrail.create(bootstrapServers, name + "-" + suffix(), Duration.ofSeconds(10));
        closing.add(trail);
        return trail;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static AuditRecord draft(Instant at, String subject, String action, String caseId, Outcome outcome,
                                     int status, String reason) {
        return new AuditRecord(null, 0, at, subject, roleOf(subject), null, null,
                subject == null ? null : "cprp-console", action,
                "GET /api/v1/" + (caseId == null ? "cases" : "cases/" + caseId), caseId, null, null, outcome, status,
                "127.0.0.1", reason, null, null);
    }

    /** The role of the scenarios' subjects: {@code subject-police-…} an agency officer, else its second word. */
    private static String roleOf(String subject) {
        if (subject == null) {
            return null;
        }
        String[] words = subject.split("-");
        return "police".equals(words[1]) ? "agency-officer" : words[1];
    }

    private static AuditRecord withProducer(AuditRecord r, String producer) {
        return new AuditRecord(producer, r.sequence(), r.at(), r.subject(), r.roles(), r.agency(), r.unit(),
                r.client(), r.action(), r.resource(), r.caseId(), r.referralId(), r.notificationId(), r.outcome(),
                r.status(), r.clientAddress(), r.reason(), r.previousHash(), r.hash());
    }

    private static AuditRecord rehashed(AuditRecord r) {
        AuditRecord unhashed = new AuditRecord(r.producer(), r.sequence(), r.at(), r.subject(), r.roles(), r.agency(),
                r.unit(), r.client(), r.action(), r.resource(), r.caseId(), r.referralId(), r.notificationId(),
                r.outcome(), r.status(), r.clientAddress(), r.reason(), r.previousHash(), null);
        return new AuditRecord(r.producer(), r.sequence(), r.at(), r.subject(), r.roles(), r.agency(), r.unit(),
                r.client(), r.action(), r.resource(), r.caseId(), r.referralId(), r.notificationId(), r.outcome(),
                r.status(), r.clientAddress(), r.reason(), r.previousHash(), AuditChain.hashOf(unhashed));
    }

    /** The record's message, sent as any service's trail sends it (key: the producer). */
    private void send(String producer, AuditRecord record) {
        sendRaw(producer, EventJson.write(KafkaAuditTrail.toEvent(record)));
    }

    private void sendRaw(String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = TestKafka.producer(bootstrapServers)) {
            producer.send(new ProducerRecord<>(Topics.AUDIT_EVENTS, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + Topics.AUDIT_EVENTS, e);
        }
    }

    private KafkaConsumer<String, byte[]> deadLetterConsumer() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "audit-it-dlt-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(DLT));
        return consumer;
    }

    private void awaitStored(String producer, long records) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                mongo.count(query(where("producer").is(producer)), MongoAuditStore.COLLECTION)).isEqualTo(records));
    }

    private List<Long> storedSequences(String producer) {
        List<Long> sequences = new ArrayList<>();
        mongo.getCollection(MongoAuditStore.COLLECTION).find(new Document("producer", producer))
                .sort(new Document("sequence", 1))
                .forEach(doc -> sequences.add(doc.get("sequence", Number.class).longValue()));
        return sequences;
    }

    private Document stored(String producer, long sequence) {
        return mongo.getCollection(MongoAuditStore.COLLECTION)
                .find(new Document("producer", producer).append("sequence", sequence)).first();
    }

    private void replaceWith(Object id, Document doc) {
        mongo.getCollection(MongoAuditStore.COLLECTION).replaceOne(new Document("_id", id), doc);
    }

    private static Document copy(Document doc, String field, Object value) {
        Document changed = new Document(doc);
        changed.put(field, value);
        return changed;
    }

    /** Changes one stored record, runs the check, and puts the record back. */
    private void tampered(String producer, long sequence, Consumer<Document> change, Runnable check) {
        Document original = stored(producer, sequence);
        Document changed = new Document(original);
        change.accept(changed);
        replaceWith(original.get("_id"), changed);
        try {
            check.run();
        } finally {
            replaceWith(original.get("_id"), original);
        }
    }

    /** The audit-service's own records (its API answers) since {@code since} with this field's value. */
    private List<Document> ownRecords(Instant since, String field, Object value) {
        List<Document> found = new ArrayList<>();
        mongo.getCollection(MongoAuditStore.COLLECTION).find(new Document(field, value)
                        .append("at", new Document("$gte", Date.from(since.minusSeconds(1)))))
                .forEach(doc -> {
                    if (doc.getString("producer").startsWith("audit-service-")) {
                        found.add(doc);
                    }
                });
        return found;
    }

    private void assertBreak(String producer, long sequence, String problem, String detail) {
        JsonNode result = verification();
        assertThat(result.get("intact").asBoolean()).isFalse();
        assertThat(result.get("brokenChains").asLong()).as(result.toString()).isEqualTo(1);
        JsonNode first = result.get("firstBreak");
        assertThat(first.get("producer").asString()).isEqualTo(producer);
        assertThat(first.get("sequence").asLong()).isEqualTo(sequence);
        assertThat(first.get("problem").asString()).isEqualTo(problem);
        assertThat(first.get("detail").asString()).isEqualTo(detail);
    }

    private JsonNode verification() {
        return auditor("/api/v1/audit/verification");
    }

    private List<Long> sequences(String filter) {
        return auditor("/api/v1/audit?" + filter).get("items").valueStream().map(item -> item.get("sequence").asLong())
                .toList();
    }

    private JsonNode auditor(String uri) {
        ResponseEntity<byte[]> answer = get(uri, TestActor.AUDITOR, MediaType.APPLICATION_JSON_VALUE);
        assertThat(answer.getStatusCode().value()).as(uri).isEqualTo(200);
        return JSON.readTree(answer.getBody());
    }

    private ResponseEntity<byte[]> get(String uri, TestActor actor, String accept) {
        return exchange(uri, actor == null ? null : ISSUER.bearer(actor), accept);
    }

    private ResponseEntity<byte[]> getWithAuthorization(String uri, String authorization) {
        return exchange(uri, authorization, null);
    }

    private ResponseEntity<byte[]> exchange(String uri, String authorization, String accept) {
        return http.get().uri(uri).headers(headers -> {
                    if (authorization != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                    if (accept != null) {
                        headers.set(HttpHeaders.ACCEPT, accept);
                    }
                }).retrieve().onStatus(status -> true, (request, response) -> {
                })
                .toEntity(byte[].class);
    }
}
