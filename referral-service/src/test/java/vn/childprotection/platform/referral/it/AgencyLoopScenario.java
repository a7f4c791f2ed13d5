package vn.childprotection.platform.referral.it;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.platform.contracts.Agencies;
import vn.childprotection.platform.contracts.AgencyReferral;
import vn.childprotection.platform.contracts.AgencyReferralEvent;
import vn.childprotection.platform.contracts.CaseEvent;
import vn.childprotection.platform.contracts.CaseOpened;
import vn.childprotection.platform.contracts.PersonalDataErased;
import vn.childprotection.platform.contracts.CaseStatus;
import vn.childprotection.platform.contracts.CaseStatusChanged;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.EscalationRaised;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.Location;
import vn.childprotection.platform.contracts.ReferralIssued;
import vn.childprotection.platform.contracts.ReferralOutcome;
import vn.childprotection.platform.contracts.ReferralOverdue;
import vn.childprotection.platform.contracts.ReferralStatusChanged;
import vn.childprotection.platform.contracts.ReportSubmitted;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.referral.adapter.in.messaging.AgencyResponseConsumer;
import vn.childprotection.platform.referral.adapter.in.scheduling.PeriodicJob;
import vn.childprotection.platform.referral.adapter.out.metrics.MicrometerCaseMetrics;
import vn.childprotection.platform.referral.adapter.out.mongo.MongoRejectedResponseLog;
import vn.childprotection.platform.referral.application.port.in.PurgePersonalDataUseCase;
import vn.childprotection.platform.referral.application.port.in.WatchDeadlinesUseCase;
import vn.childprotection.platform.referral.application.port.out.CaseRepository;
import vn.childprotection.platform.referral.domain.Case;
import vn.childprotection.platform.referral.domain.Referral;
import vn.childprotection.platform.referral.fixtures.TestClock;
import vn.childprotection.platform.support.security.EndpointOperations;
import vn.childprotection.platform.testsupport.AuditTrailReader;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.CHILD_NAME;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.INFORMANT_NAME;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.INFORMANT_PHONE;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.NARRATIVE;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.report;
import static vn.childprotection.platform.referral.fixtures.ResponseFixtures.AGENCY_REASON;

/**
 * The agency loop end to end (S0 Art 7.2, 8.4, 5.4): agencies answer on their own answer topic
 * ({@code agency.responses.<agency>.11.v1}, plain Kafka client, no {@code eventType}) or over HTTP; the case moves, forwards and triage referrals reach the agencies' topics,
 * and the deadline watchdog (on a clock the test moves) reminds and escalates once. One context for every scenario;
 * assertions look at the scenario's own case and event types only (the watchdog may act on other scenarios' cases
 * once the clock moved).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.bindings.onAgencyResponse-in-0.consumer.back-off-initial-interval=100",
        "spring.cloud.stream.bindings.onAgencyResponse-in-0.consumer.back-off-max-interval=200",
        "referral.outbox.sweep-interval=300ms",
        "referral.watchdog.interval=300ms",
        // the answer topics are subscribed by pattern: the ones the test makes are found within a second
        "spring.cloud.stream.kafka.binder.consumer-properties.metadata.max.age.ms=1000"})
@Import(AgencyLoopScenario.Clocks.class)
abstract class AgencyLoopScenario {

    static final String DLT = Topics.AGENCY_RESPONSES_DEAD_LETTER;
    /** The province of the scenarios' cases (the fixtures' Điện Biên). */
    private static final String PROVINCE = "11";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
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
    CaseRepository cases;
    @Autowired
    TestClock clock;
    @Autowired
    MeterRegistry meters;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    @Qualifier("deadlineWatchdog")
    PeriodicJob scheduledWatchdog;
    @Autowired
    WatchDeadlinesUseCase watchdog;
    @Autowired
    PurgePersonalDataUseCase retention;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void openProducer() throws Exception {
        producer = TestKafka.producer(bootstrapServers);
        List<String> answerTopics = new ArrayList<>();
        for (String agency : Agencies.NATIONAL) {
            answerTopics.add(Topics.agencyResponsesFor(agency, PROVINCE));
        }
        answerTopics.add(Topics.agencyResponsesFor(Agencies.HEALTH, "01"));
        TestKafka.createTopics(bootstrapServers, answerTopics);
    }

    @AfterEach
    void closeProducer() {
        producer.close(Duration.ofSeconds(5));
    }

    @Test
    void acceptedThenCompletedOnTheTopicByEveryActingAgencyCompletesTheCase() throws Exception {
        Case opened = open(report().concerns(Concern.HIV_AIDS)); // SOCIAL_AFFAIRS primary, HEALTH supporting

        for (String agency : List.of(Agencies.SOCIAL_AFFAIRS, Agencies.HEALTH)) {
            Referral referral = referral(opened, agency);
            send(opened.caseId(), body(opened, referral, "ACCEPTED"));
            Map<String, Object> completed = body(opened, referral, "COMPLETED");
            completed.put("outcome", "SUPPORT_PROVIDED");
            send(opened.caseId(), completed);
        }

        List<CaseEvent> events = awaitCaseEvents(opened.caseId(), e -> e instanceof CaseStatusChanged changed
                && changed.to() == CaseStatus.COMPLETED, 1);
        CaseStatusChanged completed = (CaseStatusChanged) events.stream()
                .filter(e -> e instanceof CaseStatusChanged c && c.to() == CaseStatus.COMPLETED).findFirst()
                .orElseThrow();
        assertThat(completed.outcomes()).containsExactly(ReferralOutcome.SUPPORT_PROVIDED);
        assertThat(events).filteredOn(e -> e instanceof ReferralStatusChanged).hasSize(4);
        assertThat(events).filteredOn(e -> e instanceof CaseStatusChanged).extracting(e -> ((CaseStatusChanged) e)
                .to()).containsExactly(CaseStatus.IN_PROGRESS, CaseStatus.COMPLETED);
        assertThat(getJson("/api/v1/cases/" + opened.caseId()).path("status").asString()).isEqualTo("COMPLETED");
        assertThat(events.getFirst()).isInstanceOfSatisfying(CaseOpened.class,
                caseOpened -> assertThat(caseOpened.childKey()).matches("[0-9a-f]{64}"));
    }

    @Test
    void aForwardOnTheTopicIssuesAReferralOnTheNewAgencysTopic() {
        Case opened = open(report().concerns(Concern.HIV_AIDS));
        Referral health = referral(opened, Agencies.HEALTH);
        Map<String, Object> forwarded = body(opened, health, "FORWARDED");
        forwarded.put("forwardTo", Agencies.POLICE);
        forwarded.put("reason", AGENCY_REASON);
        forwarded.put("reasonCode", "BETTER_PLACED_AGENCY");

        send(opened.caseId(), forwarded);

        List<ConsumerRecord<String, byte[]>> police = awaitRecords(List.of(Topics.referralsFor(Agencies.POLICE, PROVINCE)),
                opened.caseId(), 1);
        AgencyReferral work = (AgencyReferral) EventJson.read(police.getFirst().value(), AgencyReferralEvent.class);
        assertThat(work.forwardedFrom()).isEqualTo(health.referralId());
        assertThat(work.ruleId()).isEqualTo("FORWARDED");
        assertThat(work.unitId()).isEqualTo("11-03127-POLICE");
        List<CaseEvent> events = awaitCaseEvents(opened.caseId(), e -> e instanceof ReferralIssued issued
                && health.referralId().equals(issued.forwardedFrom()), 1);
        assertThat(events).filteredOn(e -> e instanceof ReferralStatusChanged).singleElement()
                .satisfies(e -> assertThat(((ReferralStatusChanged) e).forwardTo()).isEqualTo(Agencies.POLICE));
        assertThat(readAll(List.of(Topics.CASE_EVENTS), opened.caseId())).allSatisfy(record ->
                assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(AGENCY_REASON));
    }

    @Test
    void aDeclineOverHttpByTheOnlyPrimaryAgencySendsTheCaseToTheStandingAgencyForTriage() throws Exception {
        Case opened = open(report().concerns(Concern.DOMESTIC_VIOLENCE).severity(Severity.NORMAL));
        Referral women = referral(opened, Agencies.WOMENS_UNION);
        Map<String, Object> declined = body(opened, women, "DECLINED");
        declined.remove("referralId");
        declined.put("reason", AGENCY_REASON);

        HttpResponse<String> response = post("/api/v1/referrals/" + women.referralId() + "/responses", declined);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode state = JSON.readTree(response.body());
        assertThat(state.path("caseStatus").asString()).isEqualTo("REFERRED");
        assertThat(state.path("referral").path("status").asString()).isEqualTo("DECLINED");
        assertThat(state.path("referral").path("history").get(0).path("reason").asString()).isEqualTo(AGENCY_REASON);
        JsonNode triage = state.path("issued").get(0);
        assertThat(triage.path("agency").asString()).isEqualTo(Agencies.SOCIAL_AFFAIRS);
        assertThat(triage.path("ruleId").asString()).isEqualTo("TRIAGE-AFTER-DECLINE");
        assertThat(triage.path("unitId").asString()).isEqualTo("11-SOCIAL_AFFAIRS");
        assertThat(triage.path("forwardedFrom").asString()).isEqualTo(women.referralId());
        List<ConsumerRecord<String, byte[]>> standing = awaitRecords(
                List.of(Topics.referralsFor(Agencies.SOCIAL_AFFAIRS, PROVINCE)), opened.caseId(), 2);
        assertThat(standing).extracting(r -> ((AgencyReferral) EventJson.read(r.value(), AgencyReferralEvent.class))
                .forwardedFrom()).containsExactly(null, women.referralId());

        // the standing agency's provincial unit declines too: no agency is left, the coordinator is alerted at once
        String triageId = triage.path("referralId").asString();
        Map<String, Object> declinedAgain = new LinkedHashMap<>();
        declinedAgain.put("responseId", "social-affairs-" + UUID.randomUUID());
        declinedAgain.put("caseId", opened.caseId());
        declinedAgain.put("agency", Agencies.SOCIAL_AFFAIRS);
        declinedAgain.put("action", "DECLINED");
        declinedAgain.put("occurredAt", Instant.now().toString());
        declinedAgain.put("reason", AGENCY_REASON);

        HttpResponse<String> second = post("/api/v1/referrals/" + triageId + "/responses", declinedAgain);

        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(JSON.readTree(second.body()).path("issued")).isEmpty();
        List<CaseEvent> events = awaitCaseEvents(opened.caseId(), e -> e instanceof EscalationRaised raised
                && triageId.equals(raised.declinedReferralId()), 1);
        assertThat(events).filteredOn(e -> e instanceof EscalationRaised raised && raised.declinedReferralId() != null)
                .singleElement().satisfies(e -> {
                    EscalationRaised raised = (EscalationRaised) e;
                    assertThat(raised.recipientRole()).isEqualTo(EscalationRaised.COORDINATOR);
                    assertThat(raised.severity()).isEqualTo(Severity.NORMAL);
                    assertThat(raised.reason()).contains(triageId).doesNotContain(AGENCY_REASON);
                });
    }

    @Test
    void overHttpADuplicateAnImpossibleTransitionAndBadFieldsAreRefusedAndChangeNothing() throws Exception {
        Case opened = open(report().concerns(Concern.HIV_AIDS));
        Referral health = referral(opened, Agencies.HEALTH);
        String path = "/api/v1/referrals/" + health.referralId() + "/responses";
        Map<String, Object> accepted = body(opened, health, "ACCEPTED");
        assertThat(post(path, accepted).statusCode()).isEqualTo(200);
        JsonNode before = getJson("/api/v1/referrals/" + health.referralId());

        HttpResponse<String> duplicate = post(path, accepted);
        Map<String, Object> acknowledged = body(opened, health, "ACKNOWLEDGED");
        HttpResponse<String> impossible = post(path, acknowledged);
        Map<String, Object> wrongAgency = body(opened, health, "IN_PROGRESS");
        wrongAgency.put("agency", Agencies.POLICE);
        HttpResponse<String> wrong = postAs(agencySystem(Agencies.HEALTH), path, wrongAgency);
        Map<String, Object> bad = body(opened, health, "COMPLETED");
        bad.put("occurredAt", "yesterday");
        bad.put("colour", "blue");
        bad.put("reasonCode", "BORED");
        HttpResponse<String> invalid = post(path, bad);
        Map<String, Object> elsewhere = body(opened, health, "ACCEPTED");
        elsewhere.remove("referralId");
        HttpResponse<String> unknown = post("/api/v1/referrals/" + UUID.randomUUID() + "/responses", elsewhere);

        assertProblem(duplicate, 409, "duplicate-response");
        assertProblem(impossible, 409, "transition-not-allowed");
        assertThat(JSON.readTree(impossible.body()).path("detail").asString()).contains("ACCEPTED")
                .contains("ACKNOWLEDGED");
        assertThat(wrong.statusCode()).as("a body naming another agency than the credential's").isEqualTo(403);
        assertProblem(unknown, 404, "unknown-referral");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(invalid.body()).path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("colour", "reasonCode", "occurredAt", "outcome");
        assertThat(getJson("/api/v1/referrals/" + health.referralId())).isEqualTo(before);
        assertThat(before.path("referral").path("history")).hasSize(1);
        assertThat(before.path("referral").path("deadlines").get(0).path("state").asString()).isEqualTo("MET");
        assertThat(mongo.count(new Query(), MongoRejectedResponseLog.COLLECTION)).isPositive();
        assertThat(getJsonAs(TestActor.ADMIN, "/v3/api-docs").path("paths").propertyNames())
                .contains("/api/v1/referrals/{referralId}/responses", "/api/v1/referrals/{referralId}");
    }

    @Test
    void aPoisonOrIncompleteResponseIsDeadLetteredAndTheNextOneStillApplied() {
        Case opened = open(report().concerns(Concern.HIV_AIDS));
        Referral health = referral(opened, Agencies.HEALTH);
        String poisonKey = "poison-" + UUID.randomUUID();
        Map<String, Object> noReason = body(opened, health, "DECLINED");
        Map<String, Object> wrongAgency = body(opened, health, "ACCEPTED");
        wrongAgency.put("agency", Agencies.POLICE);
        double rejected = counter(MicrometerCaseMetrics.RESPONSES_REJECTED, "code", "wrong-agency");

        sendRaw(poisonKey, "{\"responseId\": not json".getBytes(StandardCharsets.UTF_8));
        send(poisonKey, noReason);
        send(opened.caseId(), wrongAgency);
        send(opened.caseId(), body(opened, health, "ACCEPTED"));

        await().atMost(WAIT).until(() -> readAll(List.of(DLT), poisonKey).size() == 2);
        awaitCaseEvents(opened.caseId(), e -> e instanceof ReferralStatusChanged, 1);
        assertThat(counter(MicrometerCaseMetrics.RESPONSES_REJECTED, "code", "wrong-agency"))
                .isEqualTo(rejected + 1);
        assertThat(readAll(List.of(DLT), opened.caseId())).as("a refusal is not dead-lettered").isEmpty();
        assertThat(counter(AgencyResponseConsumer.RESPONSES_CONSUMED, "outcome", "malformed")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anAnswerFromAnotherAgencysOrProvincesTopicIsRefusedAndRecordedWhateverItsBodySays() {
        Case opened = open(report().concerns(Concern.HIV_AIDS));
        Referral health = referral(opened, Agencies.HEALTH);
        double mismatches = counter(MicrometerCaseMetrics.RESPONSES_REJECTED, "code", "responder-mismatch");
        Map<String, Object> accepted = body(opened, health, "ACCEPTED");

        // the police's system claims to be health; health's system of Hà Nội answers for a case of Điện Biên
        sendRaw(Topics.agencyResponsesFor(Agencies.POLICE, PROVINCE), opened.caseId(), JSON.writeValueAsBytes(accepted));
        Map<String, Object> fromHanoi = body(opened, health, "ACCEPTED");
        sendRaw(Topics.agencyResponsesFor(Agencies.HEALTH, "01"), opened.caseId(), JSON.writeValueAsBytes(fromHanoi));

        await().atMost(WAIT).until(() -> counter(MicrometerCaseMetrics.RESPONSES_REJECTED, "code",
                "responder-mismatch") >= mismatches + 2);
        assertThat(mongo.count(Query.query(Criteria.where("responseId")
                .in(accepted.get("responseId"), fromHanoi.get("responseId")).and("code").is("responder-mismatch")),
                MongoRejectedResponseLog.COLLECTION)).isEqualTo(2);
        assertThat(referral(cases.findById(opened.caseId()).orElseThrow(), Agencies.HEALTH).status())
                .isEqualTo(health.status());

        // the same answer from health's own topic is applied
        send(opened.caseId(), body(opened, health, "ACCEPTED"));
        awaitCaseEvents(opened.caseId(), e -> e instanceof ReferralStatusChanged, 1);
    }

    @Test
    void anUnansweredReferralIsRemindedThenEscalatedOnceEachAcrossAWatchdogRestart() throws Exception {
        Case opened = open(report().concerns(Concern.HIV_AIDS)); // HIGH: acknowledgement in 4 h, then 2 h grace
        String caseId = opened.caseId();

        clock.advance(Duration.ofHours(4).plusSeconds(1));
        List<CaseEvent> reminders = awaitCaseEvents(caseId, e -> e instanceof ReferralOverdue o
                && o.stage() == ReferralOverdue.Stage.REMINDER, 2);
        assertThat(reminders).filteredOn(e -> e instanceof ReferralOverdue).allSatisfy(e -> assertThat(
                ((ReferralOverdue) e).deadline().name()).isEqualTo("ACKNOWLEDGEMENT"));
        clock.advance(Duration.ofHours(2));
        awaitCaseEvents(caseId, e -> e instanceof ReferralOverdue o && o.stage() == ReferralOverdue.Stage.ESCALATED,
                2);

        // restart: the scheduled job stops, passes run by hand, the job starts again
        scheduledWatchdog.stop();
        watchdog.runOnce();
        watchdog.runOnce();
        scheduledWatchdog.start();
        clock.advance(Duration.ofMinutes(1));
        await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true);

        List<CaseEvent> overdue = caseEvents(caseId).stream().filter(e -> e instanceof ReferralOverdue).toList();
        assertThat(overdue).hasSize(4);
        assertThat(overdue.stream().map(CaseEvent::eventId).collect(Collectors.toSet())).hasSize(4);
        JsonNode state = getJson("/api/v1/referrals/" + referral(opened, Agencies.HEALTH).referralId());
        assertThat(state.path("referral").path("deadlines").get(0).path("state").asString()).isEqualTo("ESCALATED");
    }

    // ---- helpers ----

    @Test
    void anOfficerListsAndReadsOnlyItsUnitsReferralsAndAnotherProvincesOfficerGets404AllAudited() throws Exception {
        Case opened = open(report());
        Referral police = referral(opened, Agencies.POLICE);
        Referral health = referral(opened, Agencies.HEALTH);
        String unknownPath = "/api/v1/referrals/" + UUID.randomUUID();

        JsonNode policeList = getJsonAs(TestActor.POLICE_11, "/api/v1/referrals?size=200");
        JsonNode healthList = getJsonAs(TestActor.HEALTH_11, "/api/v1/referrals?size=200");
        JsonNode haNoiList = getJsonAs(TestActor.POLICE_01, "/api/v1/referrals?size=200");
        JsonNode read = getJsonAs(TestActor.POLICE_11, "/api/v1/referrals/" + police.referralId());
        HttpResponse<String> otherProvince = getAs(TestActor.POLICE_01, "/api/v1/referrals/" + police.referralId());
        HttpResponse<String> otherAgency = getAs(TestActor.HEALTH_11, "/api/v1/referrals/" + police.referralId());
        HttpResponse<String> unknown = getAs(TestActor.POLICE_11, unknownPath);
        HttpResponse<String> operator = getAs(TestActor.OPERATOR_111, "/api/v1/referrals");

        assertThat(policeList.path("items").findValuesAsString("referralId")).contains(police.referralId())
                .doesNotContain(health.referralId());
        assertThat(policeList.path("items")).allSatisfy(item -> {
            assertThat(item.path("agency").asString()).isEqualTo(Agencies.POLICE);
            assertThat(item.path("unitId").asString()).startsWith("11").endsWith("-POLICE");
        });
        assertThat(policeList.path("total").asLong()).isEqualTo(policeList.path("items").size());
        assertThat(healthList.path("items").findValuesAsString("referralId")).contains(health.referralId())
                .doesNotContain(police.referralId());
        assertThat(haNoiList.path("items").findValuesAsString("caseId")).doesNotContain(opened.caseId());
        assertThat(read.path("brief").path("child").path("fullName").asString()).isEqualTo(CHILD_NAME);
        assertThat(read.path("brief").path("narrative").asString()).isEqualTo(NARRATIVE);
        assertThat(read.toString()).doesNotContain(INFORMANT_NAME).doesNotContain(INFORMANT_PHONE);
        assertThat(otherProvince.statusCode()).isEqualTo(404);
        assertThat(otherAgency.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(otherProvince.body()).path("detail").asString())
                .as("the same answer as for a referral that does not exist")
                .isEqualTo(JSON.readTree(unknown.body()).path("detail").asString()
                        .replace(unknownPath.substring(unknownPath.lastIndexOf('/') + 1), police.referralId()));
        assertThat(operator.statusCode()).isEqualTo(403);

        try (AuditTrailReader trail = new AuditTrailReader(bootstrapServers)) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(trail.records())
                    .anySatisfy(record -> {
                        assertThat(record.action()).isEqualTo("READ_REFERRAL");
                        assertThat(record.subject()).isEqualTo(TestActor.POLICE_11.subject());
                        assertThat(record.referralId()).isEqualTo(police.referralId());
                        assertThat(record.caseId()).isEqualTo(opened.caseId());
                        assertThat(record.outcome()).isEqualTo("ALLOWED");
                        assertThat(record.unit()).isEqualTo("11-POLICE");
                    })
                    .anySatisfy(record -> {
                        assertThat(record.subject()).isEqualTo(TestActor.POLICE_01.subject());
                        assertThat(record.referralId()).isEqualTo(police.referralId());
                        assertThat(record.outcome()).isEqualTo("REFUSED");
                        assertThat(record.status()).isEqualTo(404);
                    })
                    .anySatisfy(record -> {
                        assertThat(record.action()).isEqualTo("LIST_REFERRALS");
                        assertThat(record.subject()).isEqualTo(TestActor.HEALTH_11.subject());
                    }));
            assertThat(trail.records()).allSatisfy(record -> assertThat(record.toString())
                    .doesNotContain(CHILD_NAME).doesNotContain(NARRATIVE).doesNotContain(INFORMANT_PHONE));
        }
    }

    @Test
    void theAnsweringAgencyIsTheCredentialsAndABodyClaimingAnotherIsRefusedAndRecorded() throws Exception {
        Case opened = open(report());
        Referral police = referral(opened, Agencies.POLICE);
        Referral health = referral(opened, Agencies.HEALTH);
        String policePath = "/api/v1/referrals/" + police.referralId() + "/responses";
        String healthPath = "/api/v1/referrals/" + health.referralId() + "/responses";
        Map<String, Object> asHealth = body(opened, health, "ACKNOWLEDGED");
        Map<String, Object> otherUnit = body(opened, police, "ACKNOWLEDGED");
        otherUnit.put("unitId", "01-POLICE");
        Map<String, Object> noAgency = body(opened, police, "ACCEPTED");
        noAgency.remove("agency");

        HttpResponse<String> claimingHealth = postAs(TestActor.POLICE_11_SYSTEM, healthPath, asHealth);
        HttpResponse<String> claimingAnotherUnit = postAs(TestActor.POLICE_11_SYSTEM, policePath, otherUnit);
        HttpResponse<String> outOfScope = postAs(agencySystem(Agencies.HEALTH), policePath,
                body(opened, police, "ACCEPTED"));
        HttpResponse<String> coordinator = postAs(TestActor.COORDINATOR_11, policePath, noAgency);
        HttpResponse<String> answered = postAs(TestActor.POLICE_11_SYSTEM, policePath, noAgency);

        assertThat(claimingHealth.statusCode()).isEqualTo(403);
        assertThat(claimingAnotherUnit.statusCode()).isEqualTo(403);
        assertThat(outOfScope.statusCode()).as("a body of another agency's credential").isIn(403, 404);
        assertThat(coordinator.statusCode()).isEqualTo(403);
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(JSON.readTree(answered.body()).path("referral").path("history").get(0).path("action").asString())
                .isEqualTo("ACCEPTED");
        assertThat(referral(cases.findById(opened.caseId()).orElseThrow(), Agencies.HEALTH).status())
                .as("nothing applied for the refused claim").isEqualTo(health.status());
        try (AuditTrailReader trail = new AuditTrailReader(bootstrapServers)) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(trail.records())
                    .anySatisfy(record -> {
                        assertThat(record.action()).isEqualTo("RESPOND_TO_REFERRAL");
                        assertThat(record.client()).isEqualTo("police-11-system");
                        assertThat(record.referralId()).isEqualTo(health.referralId());
                        assertThat(record.outcome()).isEqualTo("REFUSED");
                        assertThat(record.status()).isEqualTo(403);
                        assertThat(record.reason()).contains("HEALTH");
                    })
                    .anySatisfy(record -> {
                        assertThat(record.action()).isEqualTo("RESPOND_TO_REFERRAL");
                        assertThat(record.referralId()).isEqualTo(police.referralId());
                        assertThat(record.outcome()).isEqualTo("ALLOWED");
                    }));
        }
    }

    @Test
    void theOperatorReadsBackOnlyWhatItSubmittedForADayAndACoordinatorRevealsTheInformantWithAReason()
            throws Exception {
        TestActor otherOperator = TestActor.person("operator-11", "operator", List.of("11"), null, null);
        Case opened = open(report().submittedBy(TestActor.OPERATOR_111.subject()));
        String path = "/api/v1/cases/" + opened.caseId();

        HttpResponse<String> readBack = getAs(TestActor.OPERATOR_111, path);
        HttpResponse<String> someoneElses = getAs(otherOperator, path);
        HttpResponse<String> otherProvince = getAs(TestActor.COORDINATOR_01, path);
        HttpResponse<String> noReason = revealAs(TestActor.COORDINATOR_11, opened.caseId(), "");
        HttpResponse<String> analyst = revealAs(TestActor.ANALYST_11, opened.caseId(), "to call back the informant");
        HttpResponse<String> revealed = revealAs(TestActor.COORDINATOR_11, opened.caseId(),
                "the police need a witness statement");
        clock.advance(Duration.ofHours(25));
        HttpResponse<String> dayAfter = getAs(TestActor.OPERATOR_111, path);

        assertThat(readBack.statusCode()).as(readBack.body()).isEqualTo(200);
        assertThat(readBack.body()).doesNotContain(CHILD_NAME).doesNotContain(NARRATIVE)
                .doesNotContain(INFORMANT_NAME).contains(referral(opened, Agencies.POLICE).referralId());
        assertThat(someoneElses.statusCode()).isEqualTo(404);
        assertThat(otherProvince.statusCode()).isEqualTo(404);
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noReason.body()).path("errors").findValuesAsString("field")).containsExactly("reason");
        assertThat(analyst.statusCode()).isEqualTo(403);
        assertThat(revealed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(revealed.body()).path("fullName").asString()).isEqualTo(INFORMANT_NAME);
        assertThat(JSON.readTree(revealed.body()).path("phone").asString()).isEqualTo(INFORMANT_PHONE);
        assertThat(dayAfter.statusCode()).as("the read-back ends after a day").isEqualTo(404);
        try (AuditTrailReader trail = new AuditTrailReader(bootstrapServers)) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(trail.records()).anySatisfy(record -> {
                assertThat(record.action()).isEqualTo("REVEAL_INFORMANT");
                assertThat(record.caseId()).isEqualTo(opened.caseId());
                assertThat(record.subject()).isEqualTo(TestActor.COORDINATOR_11.subject());
                assertThat(record.reason()).isEqualTo("the police need a witness statement");
                assertThat(record.outcome()).isEqualTo("ALLOWED");
            }));
        }
    }

    @Test
    void aCoordinatorErasesACasesPersonalDataWithAReasonAnotherProvincesFindsNoneAndNothingPersonalIsLeft()
            throws Exception {
        Case opened = open(report());
        String path = "/api/v1/cases/" + opened.caseId() + "/erasure";
        String reason = "the family asked, the case was opened in error";

        HttpResponse<String> noReason = postAs(TestActor.COORDINATOR_11, path, Map.<String, Object>of("reason", " "));
        HttpResponse<String> analyst = postAs(TestActor.ANALYST_11, path, Map.<String, Object>of("reason", reason));
        HttpResponse<String> otherProvince = postAs(TestActor.COORDINATOR_01, path,
                Map.<String, Object>of("reason", reason));
        HttpResponse<String> erased = postAs(TestActor.COORDINATOR_11, path, Map.<String, Object>of("reason", reason));
        HttpResponse<String> again = postAs(TestActor.COORDINATOR_11, path, Map.<String, Object>of("reason", reason));

        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(analyst.statusCode()).isEqualTo(403);
        assertThat(otherProvince.statusCode()).as(otherProvince.body()).isEqualTo(404);
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        assertThat(JSON.readTree(erased.body()).path("cause").asString()).isEqualTo("REQUEST");
        assertThat(JSON.readTree(erased.body()).path("alreadyErased").asBoolean()).isFalse();
        assertThat(JSON.readTree(again.body()).path("alreadyErased").asBoolean()).isTrue();
        JsonNode read = getJsonAs(TestActor.COORDINATOR_11, "/api/v1/cases/" + opened.caseId());
        assertThat(read.toString()).doesNotContain(CHILD_NAME, NARRATIVE);
        assertThat(read.path("personalDataErased").path("cause").asString()).isEqualTo("REQUEST");
        assertThat(read.path("referrals")).hasSize(opened.referrals().size());
        HttpResponse<String> revealed = revealAs(TestActor.COORDINATOR_11, opened.caseId(),
                "the police need a witness statement");
        assertThat(revealed.body()).doesNotContain(INFORMANT_NAME, INFORMANT_PHONE);
        awaitCaseEvents(opened.caseId(), e -> e instanceof PersonalDataErased erasure
                && erasure.cause() == PersonalDataErased.Cause.REQUEST, 1);
        assertThat(readAll(List.of(Topics.CASE_EVENTS), opened.caseId())).allSatisfy(record ->
                assertThat(new String(record.value(), StandardCharsets.UTF_8))
                        .doesNotContain(CHILD_NAME, NARRATIVE, INFORMANT_NAME, INFORMANT_PHONE, reason));
        await().atMost(WAIT).untilAsserted(() -> assertThat(cases.findById(opened.caseId()).orElseThrow()
                .outboxPending()).isFalse());
        assertThat(mongo.findById(opened.caseId(), org.bson.Document.class, "cases").toJson())
                .doesNotContain(CHILD_NAME, NARRATIVE, INFORMANT_NAME, INFORMANT_PHONE, reason);
        try (AuditTrailReader trail = new AuditTrailReader(bootstrapServers)) {
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(trail.records()).anySatisfy(record -> {
                    assertThat(record.action()).isEqualTo("ERASE_PERSONAL_DATA");
                    assertThat(record.caseId()).isEqualTo(opened.caseId());
                    assertThat(record.subject()).isEqualTo(TestActor.COORDINATOR_11.subject());
                    assertThat(record.reason()).isEqualTo(reason);
                    assertThat(record.outcome()).isEqualTo("ALLOWED");
                });
                assertThat(trail.records()).anySatisfy(record -> {
                    assertThat(record.action()).isEqualTo("ERASE_PERSONAL_DATA");
                    assertThat(record.caseId()).isEqualTo(opened.caseId());
                    assertThat(record.subject()).isEqualTo(TestActor.COORDINATOR_01.subject());
                    assertThat(record.status()).isEqualTo(404);
                });
            });
        }
    }

    @Test
    void aClosedCasesPersonalDataIsPurgedOnceItsRetentionRunsOutAndThePurgeIsInTheAuditTrail() throws Exception {
        Case opened = open(report().concerns(Concern.LEGAL_CIVIL_STATUS).severity(Severity.NORMAL));
        Referral justice = referral(opened, Agencies.JUSTICE);
        send(opened.caseId(), body(opened, justice, "ACCEPTED"));
        Map<String, Object> completed = body(opened, justice, "COMPLETED");
        completed.put("outcome", "SUPPORT_PROVIDED");
        completed.put("note", "Đã gặp cháu " + CHILD_NAME + " tại nhà.");
        send(opened.caseId(), completed);
        awaitCaseEvents(opened.caseId(), e -> e instanceof CaseStatusChanged changed
                && changed.to() == CaseStatus.COMPLETED, 1);

        assertThat(retention.runOnce()).as("closed just now").isZero();
        clock.advance(Duration.ofDays(366));
        // other tests' closed cases are due as well: pass after pass until this one's turn (oldest closing first)
        await().atMost(WAIT).until(() -> {
            retention.runOnce();
            return cases.findById(opened.caseId()).orElseThrow().erased();
        });

        Case purged = cases.findById(opened.caseId()).orElseThrow();
        assertThat(purged.erasure()).isNotNull();
        assertThat(purged.status()).isEqualTo(CaseStatus.COMPLETED);
        awaitCaseEvents(opened.caseId(), e -> e instanceof PersonalDataErased erasure
                && erasure.cause() == PersonalDataErased.Cause.RETENTION, 1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(cases.findById(opened.caseId()).orElseThrow()
                .outboxPending()).isFalse());
        assertThat(mongo.findById(opened.caseId(), org.bson.Document.class, "cases").toJson())
                .doesNotContain(CHILD_NAME, NARRATIVE, INFORMANT_NAME, INFORMANT_PHONE);
        try (AuditTrailReader trail = new AuditTrailReader(bootstrapServers)) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(trail.records()).anySatisfy(record -> {
                assertThat(record.action()).isEqualTo("PURGE_PERSONAL_DATA");
                assertThat(record.caseId()).isEqualTo(opened.caseId());
                assertThat(record.outcome()).isEqualTo("ALLOWED");
            }));
        }
    }

    @Test
    void aCoordinatorSearchesItsProvincesCasesByCommuneConcernDayAndEscalationAndAnOperatorListsOnlyItsOwn()
            throws Exception {
        Case mine = open(report().severity(Severity.EMERGENCY).concerns(Concern.NEGLECT)
                .location(new Location("11", null, "03151")).submittedBy(TestActor.OPERATOR_111.subject()));
        Case normal = open(report().severity(Severity.NORMAL).concerns(Concern.NEGLECT)
                .location(new Location("11", null, "03151")));
        String today = LocalDate.ofInstant(clock.instant(), ZoneOffset.ofHours(7)).toString();
        String tomorrow = LocalDate.parse(today).plusDays(1).toString();

        JsonNode byCommune = getJsonAs(TestActor.COORDINATOR_11, "/api/v1/cases?commune=03151&concern=NEGLECT&from="
                + today + "&to=" + today + "&size=200");
        JsonNode escalated = getJsonAs(TestActor.COORDINATOR_11, "/api/v1/cases?escalated=true&commune=03151&size=200");
        JsonNode later = getJsonAs(TestActor.COORDINATOR_11, "/api/v1/cases?commune=03151&from=" + tomorrow);
        JsonNode otherProvince = getJsonAs(TestActor.COORDINATOR_01, "/api/v1/cases?commune=03151");
        JsonNode own = getJsonAs(TestActor.OPERATOR_111, "/api/v1/cases?size=200");
        HttpResponse<String> badCommune = getAs(TestActor.COORDINATOR_11, "/api/v1/cases?commune=31");
        HttpResponse<String> backwards = getAs(TestActor.COORDINATOR_11, "/api/v1/cases?from=" + tomorrow + "&to="
                + today);

        assertThat(byCommune.path("items").findValuesAsString("caseId")).contains(mine.caseId(), normal.caseId());
        assertThat(byCommune.path("items")).allSatisfy(item -> {
            assertThat(item.path("location").path("communeCode").asString()).isEqualTo("03151");
            assertThat(item.toString()).doesNotContain(CHILD_NAME).doesNotContain(NARRATIVE);
        });
        assertThat(escalated.path("items").findValuesAsString("caseId")).contains(mine.caseId())
                .doesNotContain(normal.caseId());
        assertThat(escalated.path("items").get(0).path("escalations").get(0).path("deadlines")
                .findValuesAsString("kind")).contains("EMERGENCY_MEASURES", "SUPPORT_PLAN");
        assertThat(later.path("total").asLong()).isZero();
        assertThat(otherProvince.path("total").asLong()).isZero();
        assertThat(own.path("items").findValuesAsString("caseId")).contains(mine.caseId())
                .doesNotContain(normal.caseId());
        assertThat(badCommune.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badCommune.body()).path("errors").findValuesAsString("field")).contains("commune");
        assertThat(backwards.statusCode()).isEqualTo(400);
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

        assertThat(EndpointMatrix.check("referral", "http://127.0.0.1:" + port, rows,
                java.nio.file.Path.of("..", "docs", "authorization.md"))).isEmpty();
    }

    private Case open(vn.childprotection.platform.referral.fixtures.ReportFixtures.Builder builder) {
        ReportSubmitted report = builder.receivedAt(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.ofHours(7)))
                .build();
        sendRaw(Topics.INTAKE_REPORTS, report.caseId(), EventJson.write(report));
        await().atMost(WAIT).until(() -> cases.findById(report.caseId()).isPresent());
        return cases.findById(report.caseId()).orElseThrow();
    }

    private static Referral referral(Case c, String agency) {
        return c.referrals().stream().filter(r -> r.agency().equals(agency)).findFirst().orElseThrow();
    }

    /** An agency's answer as its own system writes it: no eventType. */
    private Map<String, Object> body(Case c, Referral referral, String action) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("responseId", referral.agency().toLowerCase() + "-" + UUID.randomUUID());
        body.put("referralId", referral.referralId());
        body.put("caseId", c.caseId());
        body.put("agency", referral.agency());
        body.put("action", action);
        body.put("occurredAt", Instant.now().toString());
        return body;
    }

    /** On the answer topic of the agency the body names (in the cases' province), as that agency's system would. */
    private void send(String key, Map<String, Object> body) {
        sendRaw(Topics.agencyResponsesFor((String) body.get("agency"), PROVINCE), key, JSON.writeValueAsBytes(body));
    }

    private void sendRaw(String key, byte[] value) {
        sendRaw(Topics.agencyResponsesFor(Agencies.POLICE, PROVINCE), key, value);
    }

    private void sendRaw(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the test message", e);
        }
    }

    /** Posts as the system of the agency the body names (every unit of that agency). */
    private HttpResponse<String> post(String path, Map<String, Object> body) throws Exception {
        return postAs(agencySystem((String) body.get("agency")), path, body);
    }

    private HttpResponse<String> postAs(TestActor actor, String path, Map<String, Object> body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                        .header("Authorization", TestIssuer.shared().bearer(actor))
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Reads as a coordinator of every province. */
    private JsonNode getJson(String path) throws Exception {
        return getJsonAs(TestActor.NATIONAL_COORDINATOR, path);
    }

    private JsonNode getJsonAs(TestActor actor, String path) throws Exception {
        HttpResponse<String> response = getAs(actor, path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> getAs(TestActor actor, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10)).header("Authorization", TestIssuer.shared().bearer(actor))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> revealAs(TestActor actor, String caseId, String reason) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cases/" + caseId
                        + "/informant-reveal")).timeout(Duration.ofSeconds(10))
                        .header("Authorization", TestIssuer.shared().bearer(actor))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("reason", reason))))
                        .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An agency's own system, answering for every unit of its agency. */
    private static TestActor agencySystem(String agency) {
        return new TestActor("service-account-" + agency.toLowerCase() + "-system", agency.toLowerCase() + "-system",
                agency.toLowerCase() + "-system", List.of("agency-system"), List.of("*"), agency, null);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo(code);
    }

    private double counter(String name, String tag, String value) {
        Counter counter = meters.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Waits until at least {@code count} of the case's events match; returns all the case's events. */
    private List<CaseEvent> awaitCaseEvents(String caseId, Predicate<CaseEvent> match, int count) {
        List<List<CaseEvent>> last = new ArrayList<>();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            List<CaseEvent> events = caseEvents(caseId);
            assertThat(events.stream().filter(match).count()).isGreaterThanOrEqualTo(count);
            last.clear();
            last.add(events);
        });
        return last.getFirst();
    }

    private List<CaseEvent> caseEvents(String caseId) {
        return readAll(List.of(Topics.CASE_EVENTS), caseId).stream()
                .map(r -> EventJson.read(r.value(), CaseEvent.class)).toList();
    }

    private List<ConsumerRecord<String, byte[]>> awaitRecords(List<String> topics, String key, int count) {
        List<List<ConsumerRecord<String, byte[]>>> last = new ArrayList<>();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> records = readAll(topics, key);
            assertThat(records).hasSize(count);
            last.clear();
            last.add(records);
        });
        return last.getFirst();
    }

    /** Everything currently on the topics with the given key, in offset order per partition. */
    private List<ConsumerRecord<String, byte[]>> readAll(List<String> topics, String key) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                            .map(info -> new TopicPartition(topic, info.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Set<TopicPartition> open = partitions.stream().filter(p -> end.get(p) > 0).collect(Collectors.toSet());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!open.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> {
                    if (key.equals(record.key())) {
                        seen.add(record);
                    }
                });
                open.removeIf(p -> consumer.position(p) >= end.get(p));
            }
        }
        return seen;
    }
}
