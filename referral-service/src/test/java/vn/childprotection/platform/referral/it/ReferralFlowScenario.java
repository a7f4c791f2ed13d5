package vn.childprotection.platform.referral.it;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.platform.contracts.Agencies;
import vn.childprotection.platform.contracts.AgencyReferral;
import vn.childprotection.platform.contracts.AgencyReferralEvent;
import vn.childprotection.platform.contracts.CaseEvent;
import vn.childprotection.platform.contracts.CaseOpened;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.EscalationRaised;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.Ids;
import vn.childprotection.platform.contracts.Location;
import vn.childprotection.platform.contracts.ReferralIssued;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.ReportSubmitted;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.referral.adapter.in.messaging.ReportConsumer;
import vn.childprotection.platform.referral.adapter.out.metrics.MicrometerCaseMetrics;
import vn.childprotection.platform.referral.application.port.out.CaseRepository;
import vn.childprotection.platform.referral.application.port.out.RulesetSource;
import vn.childprotection.platform.referral.domain.Case;
import vn.childprotection.platform.referral.domain.CaseOpening;
import vn.childprotection.platform.referral.domain.OutboxMessage;
import vn.childprotection.platform.testsupport.TestKafka;
import vn.childprotection.platform.testsupport.identity.TestActor;
import vn.childprotection.platform.testsupport.identity.TestIssuer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.CHILD_NAME;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.INFORMANT_NAME;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.INFORMANT_PHONE;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.NARRATIVE;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.report;

/**
 * The referral flow end to end: reports in on {@code intake.reports.v1}; the case through the API; referrals on the
 * agencies' topics and state changes on {@code case.events.v1}. Run against the embedded broker and store
 * ({@code *EmbeddedIT}) and real images ({@code *ContainersIT}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.bindings.onReport-in-0.consumer.back-off-initial-interval=100",
        "spring.cloud.stream.bindings.onReport-in-0.consumer.back-off-max-interval=200",
        "referral.outbox.sweep-interval=300ms",
        // the fixtures' reports are days old: their deadlines have passed (the watchdog is AgencyLoopScenario's)
        "referral.watchdog.enabled=false",
        // two versions of Điện Biên's ruleset: v1 (no additions) until 30 Nov 2026, v2 (procuracy informed) after
        "referral.ruleset.locations=classpath:rulesets-versions/national-default.yaml,"
                + "classpath:rulesets-versions/dien-bien-v1.yaml,classpath:rulesets-versions/dien-bien-v2.yaml"})
abstract class ReferralFlowScenario {

    /** {@code Topics.deadLetterOf(INTAKE_REPORTS, "referral-service")}, spelled out to be usable in annotations. */
    static final String DLT = Topics.INTAKE_REPORTS + ".referral-service" + Topics.DEAD_LETTER_SUFFIX;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The referral topics of the fixtures' province (Điện Biên). */
    private static final List<String> REFERRAL_TOPICS = Agencies.NATIONAL.stream()
            .map(agency -> Topics.referralsFor(agency, "11")).toList();
    private static final String V1 = "VN-national-2025.1+11-test-v1";
    private static final String V2 = "VN-national-2025.1+11-test-v2";

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
    @Autowired
    CaseRepository cases;
    @Autowired
    RulesetSource rulesets;

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
    void anInterventionIsRoutedStoredAndPublishedToEachAgencyTopicAndTheCaseEvents() throws Exception {
        ReportSubmitted report = report().concerns(Concern.SEXUAL_ABUSE).build();
        String caseId = report.caseId();

        submit(report);

        // S0 9.5a–g; S2 B.I.6: SOCIAL_AFFAIRS and POLICE primary; HEALTH, WOMENS_UNION, EDUCATION, JUSTICE support
        Map<String, ReferralRole> expected = Map.of(Agencies.SOCIAL_AFFAIRS, ReferralRole.PRIMARY,
                Agencies.POLICE, ReferralRole.PRIMARY, Agencies.HEALTH, ReferralRole.SUPPORTING,
                Agencies.WOMENS_UNION, ReferralRole.SUPPORTING, Agencies.EDUCATION, ReferralRole.SUPPORTING,
                Agencies.JUSTICE, ReferralRole.SUPPORTING);
        // CaseOpened, EscalationRaised (HIGH: S0 Art 5.4), one ReferralIssued per referral
        List<ConsumerRecord<String, byte[]>> caseEvents = awaitRecords(List.of(Topics.CASE_EVENTS), caseId,
                1 + 1 + expected.size());
        List<ConsumerRecord<String, byte[]>> referrals = awaitRecords(REFERRAL_TOPICS, caseId, expected.size());

        HttpResponse<String> response = send("/api/v1/cases/" + caseId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        // a coordinator reads the child's name and the narrative; the informant only through a reveal
        assertThat(response.body()).contains(CHILD_NAME).contains(NARRATIVE).doesNotContain(INFORMANT_NAME)
                .doesNotContain(INFORMANT_PHONE);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("caseId").asString()).isEqualTo(caseId);
        assertThat(body.path("reportId").asString()).isEqualTo(report.reportId().toString());
        assertThat(body.path("status").asString()).isEqualTo("REFERRED");
        assertThat(body.path("contactType").asString()).isEqualTo("INTERVENTION");
        assertThat(body.path("rulesetVersion").asString()).isEqualTo(V1);
        assertThat(body.path("triage").path("required").asBoolean()).isFalse();
        assertThat(body.path("escalations")).singleElement().satisfies(e -> {
            assertThat(e.path("recipientRole").asString()).isEqualTo("COORDINATOR");
            assertThat(e.path("deadlines").findValuesAsString("kind"))
                    .containsExactly("SUPPORT_PLAN", "ACKNOWLEDGEMENT");
        });
        assertThat(body.path("child").propertyNames()).containsExactlyInAnyOrder("fullName", "sex", "ageYears");
        assertThat(body.path("narrative").asString()).isEqualTo(NARRATIVE);
        assertThat(body.has("reporter")).isFalse();
        assertThat(body.has("openedAt")).isTrue();
        Map<String, ReferralRole> roles = new HashMap<>();
        for (JsonNode referral : body.path("referrals")) {
            String agency = referral.path("agency").asString();
            roles.put(agency, ReferralRole.valueOf(referral.path("role").asString()));
            assertThat(referral.path("referralId").asString()).isEqualTo(Ids.nameBased("referral", caseId, agency));
            // the commune's police and People's Committee (the standing agency's local desk) serve it; the other
            // agencies have no commune unit: their provincial department receives it
            String unit = switch (agency) {
                case "POLICE" -> "11-03127-POLICE";
                case "SOCIAL_AFFAIRS" -> "11-03127-COMMUNE_PC";
                default -> "11-" + agency;
            };
            assertThat(referral.path("unitId").asString()).isEqualTo(unit);
            assertThat(referral.path("areaCode").asString()).isEqualTo(unit.contains("03127") ? "03127" : "11");
            assertThat(referral.path("dueAt").asString()).isEqualTo("2026-11-20T06:15:00Z"); // HIGH: 4 h
            assertThat(referral.path("status").asString()).isEqualTo("ISSUED");
            assertThat(referral.path("ruleId").asString()).isEqualTo("VN.SEXUAL_ABUSE");
            assertThat(referral.path("rulesetVersion").asString()).isEqualTo(V1);
            assertThat(referral.path("legalBasis").asString()).contains("QĐ 349/QĐ-UBND Điện Biên 2013, Art 9.5a–g");
            assertThat(referral.path("policyDefault").asBoolean()).isFalse();
        }
        assertThat(roles).isEqualTo(expected);

        CaseOpened opened = (CaseOpened) EventJson.read(caseEvents.getFirst().value(), CaseEvent.class);
        assertThat(opened.eventId()).isEqualTo(Ids.nameBased(CaseOpened.TYPE, caseId));
        assertThat(opened.referralCount()).isEqualTo(expected.size());
        EscalationRaised escalation = (EscalationRaised) EventJson.read(caseEvents.get(1).value(), CaseEvent.class);
        assertThat(escalation.eventId()).isEqualTo(Ids.nameBased(EscalationRaised.TYPE,
                Ids.nameBased("escalation", caseId)));
        assertThat(escalation.severity().name()).isEqualTo("HIGH");
        assertThat(caseEvents.subList(2, caseEvents.size())).allSatisfy(record -> {
            ReferralIssued issued = (ReferralIssued) EventJson.read(record.value(), CaseEvent.class);
            assertThat(issued.unitId()).isNotNull();
            assertThat(issued.dueAt()).isNotNull();
            assertThat(issued.eventId()).isEqualTo(Ids.nameBased(ReferralIssued.TYPE, issued.referralId()));
            assertThat(issued.occurredAt()).isEqualTo(opened.occurredAt());
        });
        assertThat(caseEvents).allSatisfy(record -> assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .doesNotContain(CHILD_NAME).doesNotContain(NARRATIVE).doesNotContain(INFORMANT_PHONE));

        Map<String, String> agencyByTopic = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : referrals) {
            AgencyReferral referral = (AgencyReferral) EventJson.read(record.value(), AgencyReferralEvent.class);
            agencyByTopic.put(record.topic(), referral.agency());
            assertThat(record.key()).isEqualTo(caseId);
            assertThat(referral.eventId()).isEqualTo(Ids.nameBased(AgencyReferral.TYPE, referral.referralId()));
            assertThat(referral.role()).isEqualTo(expected.get(referral.agency()));
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(INFORMANT_PHONE)
                    .doesNotContain(INFORMANT_NAME);
            assertThat(StreamSupport.stream(record.headers().spliterator(), false).map(Header::key))
                    .containsExactlyInAnyOrder("eventType", "eventId");
        }
        assertThat(agencyByTopic).containsEntry("referrals.police.11.v1", Agencies.POLICE)
                .containsEntry("referrals.social-affairs.11.v1", Agencies.SOCIAL_AFFAIRS)
                .containsEntry("referrals.womens-union.11.v1", Agencies.WOMENS_UNION)
                .hasSize(expected.size());

        Timer latency = meters.find(MicrometerCaseMetrics.OUTBOX_PUBLISH_LATENCY).timer();
        assertThat(latency).isNotNull();
        assertThat(meters.find(MicrometerCaseMetrics.REFERRALS_ISSUED)
                .tags("agency", Agencies.POLICE, "role", "PRIMARY").counter()).isNotNull();
    }

    @Test
    void anEmergencyOnItsOwnLaneIsRoutedLikeAnyOtherReport() {
        ReportSubmitted report = report().concerns(Concern.SEXUAL_ABUSE).severity(Severity.EMERGENCY).build();

        publishRaw(Topics.INTAKE_REPORTS_URGENT, report.caseId(), EventJson.write(report));

        List<ConsumerRecord<String, byte[]>> police = awaitRecords(List.of("referrals.police.11.v1"), report.caseId(), 1);
        AgencyReferral referral = (AgencyReferral) EventJson.read(police.getFirst().value(), AgencyReferralEvent.class);
        assertThat(referral.agency()).isEqualTo(Agencies.POLICE);
        assertThat(referral.severity()).isEqualTo(Severity.EMERGENCY);
        assertThat(awaitRecords(REFERRAL_TOPICS, report.caseId(), 6)).hasSize(6);
    }

    @Test
    void aRedeliveredReportLeavesOneCaseAndEveryMessagePublishedExactlyOnce() throws Exception {
        ReportSubmitted report = report().concerns(Concern.TRAFFICKING).severity(Severity.NORMAL).build();
        submit(report);
        awaitRecords(List.of(Topics.CASE_EVENTS), report.caseId(), 1 + 4);
        JsonNode before = getCase(report.caseId());
        double duplicates = consumed("duplicate");

        submit(report);
        // a later report on the same partition: once it is out, the redelivery before it has been handled
        ReportSubmitted marker = report().concerns(Concern.OTHER).severity(Severity.NORMAL).build();
        submit(marker);
        awaitRecords(List.of(Topics.CASE_EVENTS), marker.caseId(), 1 + 1);

        assertThat(consumed("duplicate")).isEqualTo(duplicates + 1);
        assertThat(getCase(report.caseId())).isEqualTo(before);
        List<ConsumerRecord<String, byte[]>> all = readAll(concat(Topics.CASE_EVENTS, REFERRAL_TOPICS),
                report.caseId());
        Map<String, Long> perEventId = all.stream().collect(Collectors.groupingBy(
                record -> new String(record.headers().lastHeader("eventId").value(), StandardCharsets.UTF_8),
                Collectors.counting()));
        assertThat(all).hasSize(1 + 4 + 4);
        assertThat(perEventId).hasSize(1 + 4 + 4).allSatisfy((eventId, count) -> assertThat(count).isEqualTo(1));
    }

    @Test
    void aCounsellingContactIsRecordedCountedAndWritesNoReferralTopic() throws Exception {
        ReportSubmitted report = report().counselling().concerns(Concern.VIOLENCE).build();

        submit(report);

        List<ConsumerRecord<String, byte[]>> events = awaitRecords(List.of(Topics.CASE_EVENTS), report.caseId(), 1);
        CaseOpened opened = (CaseOpened) EventJson.read(events.getFirst().value(), CaseEvent.class);
        assertThat(opened.referralCount()).isZero();
        assertThat(opened.status().name()).isEqualTo("RECORDED");
        JsonNode body = getCase(report.caseId());
        assertThat(body.path("status").asString()).isEqualTo("RECORDED");
        assertThat(body.path("referrals").size()).isZero();
        Case stored = cases.findById(report.caseId()).orElseThrow();
        assertThat(stored.outbox()).singleElement().satisfies(m -> assertThat(m.pending()).isFalse());
        assertThat(readAll(REFERRAL_TOPICS, report.caseId())).isEmpty();
    }

    @Test
    void aPoisonMessageIsDeadLetteredWithoutRetryAndTheNextReportIsStillProcessed() throws Exception {
        String poisonKey = "poison-" + UUID.randomUUID();
        double malformed = consumed("malformed");
        ReportSubmitted next = report().concerns(Concern.OTHER).severity(Severity.NORMAL).build();

        publishRaw(poisonKey, "{\"eventType\":\"ReportSubmitted.v1\", this is not json"
                .getBytes(StandardCharsets.UTF_8));
        submit(next);

        await().atMost(WAIT).until(() -> readAll(List.of(DLT), poisonKey).size() == 1);
        awaitRecords(List.of(Topics.CASE_EVENTS), next.caseId(), 2);
        assertThat(getCase(next.caseId()).path("status").asString()).isEqualTo("REFERRED");
        assertThat(consumed("malformed")).as("read once: not retried").isEqualTo(malformed + 1);
    }

    @Test
    void aCaseLeftPendingByACrashAfterItsInsertIsPublishedByTheSweep() {
        ReportSubmitted report = report().concerns(Concern.HIV_AIDS).build();
        Case crashed = ((CaseOpening.Opened) Case.open(report, rulesets.routing(), Instant.now())).opened();

        assertThat(cases.insertIfAbsent(crashed)).isTrue(); // stored, never relayed: the process "died" here

        List<ConsumerRecord<String, byte[]>> published = awaitRecords(
                concat(Topics.CASE_EVENTS, REFERRAL_TOPICS), report.caseId(), crashed.outbox().size());
        assertThat(published).extracting(r -> new String(r.headers().lastHeader("eventId").value(),
                        StandardCharsets.UTF_8))
                .containsExactlyInAnyOrderElementsOf(crashed.outbox().stream().map(OutboxMessage::eventId).toList());
        await().atMost(WAIT).until(() -> !cases.findById(report.caseId()).orElseThrow().outboxPending());
    }

    @Test
    void anUnknownCaseIsA404ProblemAndAMalformedIdA400Problem() throws Exception {
        HttpResponse<String> unknown = send("/api/v1/cases/" + UUID.randomUUID());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertProblem(unknown);
        assertThat(JSON.readTree(unknown.body()).path("title").asString()).isEqualTo("Case not found");

        HttpResponse<String> malformed = send("/api/v1/cases/not-a-uuid");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertProblem(malformed);
        assertThat(JSON.readTree(malformed.body()).path("errors").get(0).path("field").asString())
                .isEqualTo("caseId");
        assertThat(malformed.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void theRulesetIsServedTheApiDocumentedAndTheServiceReady() throws Exception {
        HttpResponse<String> rules = sendAs(TestActor.OPERATOR_111, "/api/v1/rules");
        assertThat(rules.statusCode()).isEqualTo(200);
        JsonNode ruleset = JSON.readTree(rules.body());
        assertThat(ruleset.path("version").asString()).isEqualTo("VN-national-2025.1");
        assertThat(ruleset.path("rules").size()).isEqualTo(Concern.values().length);

        JsonNode docs = JSON.readTree(sendAs(TestActor.ADMIN, "/v3/api-docs").body());
        assertThat(docs.path("paths").has("/api/v1/cases/{caseId}")).isTrue();
        assertThat(docs.path("paths").has("/api/v1/rules")).isTrue();

        HttpResponse<String> readiness = send("/actuator/health/readiness");
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        assertThat(send("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(sendAs(TestActor.ADMIN, "/actuator/prometheus").body()).contains("referral_outbox_pending_cases");
    }

    @Test
    void aNewRulesetVersionAppliesToNewCasesWhileEarlierCasesKeepTheirs() throws Exception {
        ReportSubmitted before = report().concerns(Concern.SEXUAL_ABUSE)
                .receivedAt(OffsetDateTime.parse("2026-11-30T10:00:00+07:00")).build();
        ReportSubmitted after = report().concerns(Concern.SEXUAL_ABUSE)
                .receivedAt(OffsetDateTime.parse("2026-12-02T10:00:00+07:00")).build();

        submit(before);
        submit(after);

        // v2 adds the procuracy (INFORMED): its topic is created on demand
        List<ConsumerRecord<String, byte[]>> procuracy = awaitRecords(List.of("referrals.procuracy.11.v1"),
                after.caseId(), 1);
        assertThat(((AgencyReferral) EventJson.read(procuracy.getFirst().value(), AgencyReferralEvent.class)).ruleId())
                .isEqualTo("TEST-PROCURACY");
        await().atMost(WAIT).until(() -> cases.findById(before.caseId()).isPresent());
        JsonNode old = getCase(before.caseId());
        JsonNode recent = getCase(after.caseId());
        assertThat(old.path("rulesetVersion").asString()).isEqualTo(V1);
        assertThat(old.path("referrals").findValuesAsString("agency")).doesNotContain("PROCURACY");
        assertThat(recent.path("rulesetVersion").asString()).isEqualTo(V2);
        assertThat(recent.path("referrals").findValuesAsString("agency")).contains("PROCURACY");

        JsonNode inForce = JSON.readTree(sendAs(TestActor.OPERATOR_111, "/api/v1/rules?province=11&at=2026-12-05").body());
        assertThat(inForce.path("version").asString()).isEqualTo(V2);
        assertThat(inForce.path("versions").get(0).asString()).isEqualTo("VN-national-2025.1");
        assertThat(inForce.path("versions").get(1).asString()).isEqualTo("11-test-v2");
        assertThat(inForce.path("rules").findValuesAsString("id")).contains("TEST-PROCURACY");
        assertThat(JSON.readTree(sendAs(TestActor.OPERATOR_111, "/api/v1/rules?province=11&at=2026-11-05").body()).path("version").asString())
                .isEqualTo(V1);
        HttpResponse<String> bad = sendAs(TestActor.OPERATOR_111, "/api/v1/rules?province=ABC");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertProblem(bad);
    }

    @Test
    void anUnknownDistrictIsRoutedAtProvinceLevelAndTheCaseFlaggedForTriage() throws Exception {
        ReportSubmitted report = report().concerns(Concern.VIOLENCE).severity(Severity.NORMAL)
                .location(new Location("11", "999", null)).build();

        submit(report);

        awaitRecords(List.of(Topics.CASE_EVENTS), report.caseId(), 1 + 5);
        JsonNode body = getCase(report.caseId());
        assertThat(body.path("triage").path("required").asBoolean()).isTrue();
        assertThat(body.path("triage").path("reasons").get(0).asString())
                .contains("location.districtCode is not a district of province 11");
        assertThat(body.path("referrals")).hasSize(5).allSatisfy(referral -> {
            assertThat(referral.path("areaCode").asString()).isEqualTo("11");
            assertThat(referral.path("unitId").asString()).startsWith("11-");
            assertThat(referral.path("note").asString()).contains("routed at the level of the codes that are known");
        });
    }

    @Test
    void thePreviewExplainsTheDecisionAndCreatesNothing() throws Exception {
        ReportSubmitted report = report().concerns(Concern.SEXUAL_ABUSE, Concern.VIOLENCE)
                .severity(Severity.EMERGENCY).build();

        HttpResponse<String> response = post("/api/v1/routing/preview", EventJson.writeString(report));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).doesNotContain(CHILD_NAME).doesNotContain(NARRATIVE);
        JsonNode decision = JSON.readTree(response.body());
        assertThat(decision.path("rulesetVersion").asString()).isEqualTo(V1);
        assertThat(decision.path("referrals")).hasSize(6).allSatisfy(referral -> {
            assertThat(referral.path("unitId").asString()).startsWith("11-");
            assertThat(referral.path("ruleId").asString()).startsWith("VN.");
            assertThat(referral.path("legalBasis").asString()).isNotBlank();
            assertThat(referral.path("dueAt").asString()).isEqualTo("2026-11-20T03:15:00Z"); // EMERGENCY: 1 h
        });
        assertThat(decision.path("escalation").path("deadlines").findValuesAsString("kind"))
                .contains("EMERGENCY_MEASURES");
        assertThat(decision.path("triage").path("required").asBoolean()).isFalse();
        assertThat(cases.findById(report.caseId())).isEmpty();
        assertThat(readAll(concat(Topics.CASE_EVENTS, REFERRAL_TOPICS), report.caseId())).isEmpty();

        HttpResponse<String> invalid = post("/api/v1/routing/preview",
                "{\"contactType\":\"INTERVENTION\",\"concerns\":[],\"location\":{\"provinceCode\":\"1\"}}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertProblem(invalid);
        assertThat(invalid.body()).contains("concerns").contains("location.provinceCode").contains("receivedAt");
        HttpResponse<String> unreadable = post("/api/v1/routing/preview", "{\"severity\":\"SEVERE\"");
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertProblem(unreadable);
    }

    /** Posts as the national hotline's operator (a routing preview). */
    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                        .header("Authorization", TestIssuer.shared().bearer(TestActor.OPERATOR_111))
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static List<String> concat(String topic, List<String> more) {
        List<String> all = new ArrayList<>(more);
        all.addFirst(topic);
        return all;
    }

    private void submit(ReportSubmitted report) {
        publishRaw(report.caseId(), EventJson.write(report));
    }

    private void publishRaw(String key, byte[] value) {
        publishRaw(Topics.INTAKE_REPORTS, key, value);
    }

    private void publishRaw(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the test message", e);
        }
    }

    /** Waits until exactly {@code count} records keyed {@code key} are on the topics; returns them in order. */
    private List<ConsumerRecord<String, byte[]>> awaitRecords(List<String> topics, String key, int count) {
        List<List<ConsumerRecord<String, byte[]>>> last = new ArrayList<>();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
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
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
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
            Set<TopicPartition> open = partitions.stream().filter(p -> end.get(p) > 0)
                    .collect(Collectors.toSet());
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

    private double consumed(String outcome) {
        Counter counter = meters.find(ReportConsumer.REPORTS_CONSUMED).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private JsonNode getCase(String caseId) throws Exception {
        HttpResponse<String> response = send("/api/v1/cases/" + caseId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Reads as a coordinator of every province. */
    private HttpResponse<String> send(String path) throws Exception {
        return sendAs(TestActor.NATIONAL_COORDINATOR, path);
    }

    private HttpResponse<String> sendAs(TestActor actor, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", TestIssuer.shared().bearer(actor)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
