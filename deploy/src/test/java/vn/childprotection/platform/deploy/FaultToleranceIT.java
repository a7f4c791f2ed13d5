package vn.childprotection.platform.deploy;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import vn.childprotection.platform.contracts.Channel;
import vn.childprotection.platform.contracts.Child;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.Ids;
import vn.childprotection.platform.contracts.Location;
import vn.childprotection.platform.contracts.ReportSubmitted;
import vn.childprotection.platform.contracts.Reporter;
import vn.childprotection.platform.contracts.ReporterRelationship;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.contracts.Sex;
import vn.childprotection.platform.contracts.Topics;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform under faults ({@link LocalPlatform}: the broker and the store as child processes, so that they can be
 * stopped, killed and started again on the same port and data, and the four services' exec jars). Reports flow while
 * a service is SIGKILLed, the broker is stopped, the store is stopped and the store is killed mid-overload; after each
 * fault every report that got a 202 must end as exactly one case with its referrals, each referral exactly once on
 * its agency topic, counted once by the projection, every notification received exactly once
 * ({@link ExactlyOnceCheck}). A poison record on every consumed topic must reach that consumer's dead-letter topic
 * while the partition moves on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

    /** Every consumed topic and its consumer group (TopicCatalog's readers): each must have a consumer. */
    private static final List<String[]> CONSUMED = List.of(
            new String[]{Topics.INTAKE_REPORTS, "referral-service"},
            new String[]{Topics.INTAKE_REPORTS, "notification-service"},
            new String[]{Topics.INTAKE_REPORTS_URGENT, "referral-service"},
            new String[]{Topics.INTAKE_REPORTS_URGENT, "notification-service"},
            new String[]{Topics.CASE_EVENTS, "notification-service"},
            new String[]{Topics.CASE_EVENTS, "reporting-service"},
            new String[]{Topics.agencyResponsesFor("POLICE", "11"), "referral-service"},
            new String[]{Topics.NOTIFICATIONS_DELIVERED, "reporting-service"},
            new String[]{Topics.NOTIFICATIONS_FAILED, "reporting-service"});
    private static final List<String> CONSUMING_SERVICES =
            List.of("referral-service", "notification-service", "reporting-service");

    @TempDir
    static Path tmp;

    private static LocalPlatform platform;
    private static ExactlyOnceCheck check;
    /** reportId → caseId of every report that got a 202 (or was put on the intake topic) in the running scenario. */
    private static final Map<UUID, String> accepted = new ConcurrentHashMap<>();

    @BeforeAll
    static void startThePlatform() throws Exception {
        platform = LocalPlatform.start(tmp, "fault-logs");
        check = new ExactlyOnceCheck(platform);
    }

    @AfterAll
    static void stopThePlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void aPoisonRecordOnEveryConsumedTopicGoesToItsDeadLetterTopicAndThePartitionMovesOn() throws Exception {
        // the report posted after the poison records has the same key, hence the same partitions
        UUID reportId = UUID.randomUUID();
        String caseId = Ids.caseIdFor(reportId);
        platform.awaitConsumers(CONSUMED);
        Map<String, String> poisonByDeadLetterTopic = new LinkedHashMap<>();
        try (KafkaProducer<String, byte[]> producer = platform.producer()) {
            Map<String, String> markerByTopic = new HashMap<>();
            for (String[] row : CONSUMED) {
                String marker = markerByTopic.computeIfAbsent(row[0],
                        t -> ExactlyOnceCheck.POISON_MARKER + UUID.randomUUID());
                poisonByDeadLetterTopic.put(deadLetterOf(row[0], row[1]), marker);
            }
            for (Map.Entry<String, String> poison : markerByTopic.entrySet()) {
                // truncated JSON: a MalformedEventException for every reader of the topic
                String value = "{\"eventType\":\"CaseOpened.v1\",\"eventId\":\"" + poison.getValue()
                        + "\",\"caseId\":\"";
                producer.send(new ProducerRecord<>(poison.getKey(), caseId, value.getBytes(StandardCharsets.UTF_8)))
                        .get(10, TimeUnit.SECONDS);
            }
        }

        // the partition moves on: a good report with the same key is routed, notified and counted
        assertThat(platform.post(reportId).statusCode()).isEqualTo(202);
        accepted.put(reportId, caseId);

        platform.onFailurePrintLogs(() -> await("every poison record on its dead-letter topic").atMost(LocalPlatform.FLOW)
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    Map<String, List<byte[]>> deadLetters = platform.readAll(poisonByDeadLetterTopic.keySet()::contains);
                    poisonByDeadLetterTopic.forEach((deadLetterTopic, marker) -> assertThat(deadLetters
                            .getOrDefault(deadLetterTopic, List.of())).as(deadLetterTopic)
                            .anyMatch(value -> new String(value, StandardCharsets.UTF_8).contains(marker)));
                }));
        System.out.printf("FAULT poison: %d topic/group pairs dead-lettered their poison record%n",
                poisonByDeadLetterTopic.size());
        verifyAndReset();
    }

    @Test
    @Order(2)
    void aServiceKilledWhileReportsFlowLosesNothingAndDoublesNothing() throws Exception {
        ReportStream stream = ReportStream.start(platform, 10, accepted);
        ServiceProcess referral = platform.service("referral-service");
        ServiceProcess notification = platform.service("notification-service");
        ReportStream.Outcome outcome;
        try {
            stream.awaitAccepted(15);
            referral.killAndWait(); // SIGKILL: no shutdown hook, no offset commit, outbox mid-relay
            stream.awaitAccepted(10);
            notification.killAndWait();
            stream.awaitAccepted(10);
        } finally {
            outcome = stream.stop();
            if (!referral.alive()) {
                referral.start(platform.environment);
            }
            if (!notification.alive()) {
                notification.start(platform.environment);
            }
        }
        platform.awaitHealthy(List.of(referral, notification));
        System.out.printf("FAULT kill: %s%n", outcome);
        assertThat(outcome.unexpected()).as("answers other than 202 while a downstream service was killed").isEmpty();
        verifyAndReset();
    }

    @Test
    @Order(3)
    void theBrokerDownMeans503WithRetryAfterAndEveryAcceptedReportCatchesUp() throws Exception {
        ReportStream stream = ReportStream.start(platform, 10, accepted);
        int acceptedBeforeRestart;
        ReportStream.Outcome outcome;
        try {
            stream.awaitAccepted(10);
            platform.kafka.stop();
            try {
                await("intake answers 503 with Retry-After while the broker is down").atMost(LocalPlatform.FLOW)
                        .until(() -> stream.unavailable.get() >= 3);
                acceptedBeforeRestart = stream.accepted.get();
            } finally {
                platform.kafka.start(LocalPlatform.STARTUP);
            }
            stream.awaitAccepted(10);
        } finally {
            outcome = stream.stop();
        }
        System.out.printf("FAULT broker: %s (accepted before the restart: %d)%n", outcome, acceptedBeforeRestart);
        assertThat(outcome.unexpected()).as("answers other than 202 or 503 + Retry-After").isEmpty();
        assertThat(outcome.unavailable()).isGreaterThanOrEqualTo(3);
        platform.awaitHealthy(platform.services.values());
        verifyAndReset();
    }

    @Test
    @Order(4)
    void theStoreDownPausesTheConsumersWhichSayWhyAndResumeWithoutSkippingOrDoubling() throws Exception {
        long deadLettersBefore = platform.deadLetters();
        ReportStream stream = ReportStream.start(platform, 10, accepted);
        ReportStream.Outcome outcome;
        try {
            stream.awaitAccepted(15);
            platform.mongo.stop();
            try {
                await("intake answers 503 while it cannot record the report").atMost(LocalPlatform.FLOW)
                        .until(() -> stream.unavailable.get() >= 3);
                // reports already on the intake topic when the store went away (as intake's accepted ones are): the
                // consumers cannot handle them now and must hold them, not skip or dead-letter them
                accepted.putAll(publishReportsToTheIntakeTopic(5));
                assertTheConsumersHoldTheirPartitionsAndSaySo();
            } finally {
                platform.mongo.start(LocalPlatform.STARTUP);
            }
            stream.awaitAccepted(10);
        } finally {
            outcome = stream.stop();
        }
        System.out.printf("FAULT store: %s%n", outcome);
        assertThat(outcome.unexpected()).as("answers other than 202 or 503 + Retry-After").isEmpty();
        platform.awaitHealthy(platform.services.values());
        verifyAndReset();
        assertThat(platform.deadLetters()).as("records dead-lettered because the store was down")
                .isEqualTo(deadLettersBefore);
    }

    private static void assertTheConsumersHoldTheirPartitionsAndSaySo() throws Exception {
        platform.onFailurePrintLogs(() -> await("the consumers hold their partitions and say so in their health")
                .atMost(LocalPlatform.FLOW).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptionsInstanceOf(java.io.IOException.class).untilAsserted(() -> {
                    JsonNode health = EventJson.mapper().readTree(
                            platform.get("referral-service", "/actuator/health").body());
                    assertThat(health.path("components").path("consumers").path("status").asString())
                            .isEqualTo("OUT_OF_SERVICE");
                    assertThat(health.path("components").path("consumers").path("details").path("partitions")
                            .toString()).contains(Topics.INTAKE_REPORTS);
                    assertThat(health.path("status").asString()).isNotEqualTo("UP");
                }));
        for (String service : CONSUMING_SERVICES) {
            assertThat(platform.get(service, "/actuator/health/liveness").statusCode())
                    .as("%s stays alive while it waits", service).isEqualTo(200);
        }
    }

    @Test
    @Order(5)
    void theStoreKilledMidOverloadLosesNoAcceptedReportOnceRestarted() throws Exception {
        long deadLettersBefore = platform.deadLetters();
        // far more than this machine routes per second: intake sheds what it cannot take, a backlog builds up
        ReportStream stream = ReportStream.start(platform, 150, accepted);
        ReportStream.Outcome outcome;
        try {
            stream.awaitAccepted(150);
            platform.mongo.kill(); // SIGKILL: no last commit, writes in flight
            await("the store gone").atMost(Duration.ofSeconds(30)).until(() -> !platform.mongo.alive());
            int refusedBefore = stream.unavailable.get();
            await("intake answers 503 while it cannot record the report").atMost(LocalPlatform.FLOW)
                    .until(() -> stream.unavailable.get() >= refusedBefore + 3);
        } finally {
            outcome = stream.stop();
            platform.mongo.start(LocalPlatform.STARTUP);
        }
        System.out.printf("FAULT store killed: %s%n", outcome);
        assertThat(outcome.unexpected()).as("answers other than 202 or 503 + Retry-After").isEmpty();
        platform.awaitHealthy(platform.services.values());
        verifyAndReset();
        assertThat(platform.deadLetters()).as("records dead-lettered because the store was killed")
                .isEqualTo(deadLettersBefore);
        assertThat(platform.storeErrors()).as("errors in the store's log").isEmpty();
    }

    private static void verifyAndReset() {
        Map<UUID, String> reports = Map.copyOf(accepted);
        accepted.clear();
        check.verify(reports);
    }

    /** Reports put on intake.reports.v1 as intake would (its event, keyed by the case id), bypassing intake. */
    private static Map<UUID, String> publishReportsToTheIntakeTopic(int count) throws Exception {
        Map<UUID, String> published = new HashMap<>();
        try (KafkaProducer<String, byte[]> producer = platform.producer()) {
            List<java.util.concurrent.Future<?>> sends = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                UUID reportId = UUID.randomUUID();
                String caseId = Ids.caseIdFor(reportId);
                ReportSubmitted report = new ReportSubmitted(Ids.nameBased(ReportSubmitted.TYPE, reportId.toString()),
                        Instant.now().truncatedTo(ChronoUnit.MILLIS), caseId, reportId,
                        OffsetDateTime.now(ZoneOffset.ofHours(7)).minusMinutes(3).withNano(0), Channel.HOTLINE_111,
                        ContactType.INTERVENTION, List.of(Concern.SEXUAL_ABUSE), Severity.HIGH,
                        new Location("11", null, "03127"), new Child("Lò Thị Mai", Sex.FEMALE, 11),
                        new Reporter("Lường Văn Sơn", "0987654321", ReporterRelationship.TEACHER, false, true),
                        "Giáo viên phát hiện cháu có dấu hiệu bị xâm hại.");
                sends.add(producer.send(new ProducerRecord<>(Topics.INTAKE_REPORTS, caseId, EventJson.write(report))));
                published.put(reportId, caseId);
            }
            for (java.util.concurrent.Future<?> send : sends) {
                send.get(10, TimeUnit.SECONDS);
            }
        }
        return published;
    }

    /** The dead-letter topic of a consumer group on a topic (one for all the agencies' answer topics). */
    private static String deadLetterOf(String topic, String group) {
        return Topics.responderOf(topic).isPresent() ? Topics.AGENCY_RESPONSES_DEAD_LETTER
                : Topics.deadLetterOf(topic, group);
    }
}
