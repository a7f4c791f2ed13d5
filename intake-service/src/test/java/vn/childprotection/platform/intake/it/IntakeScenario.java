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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.Ids;
import vn.childprotection.platform.contracts.IntakeEvent;
import vn.childprotection.platform.contracts.ReportSubmitted;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.intake.fixtures.ReportJson;

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

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    @BeforeEach
    void subscribe() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "intake-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.INTAKE_REPORTS));
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

        List<ConsumerRecord<String, byte[]>> records = recordsFor(caseId, 1);
        ConsumerRecord<String, byte[]> record = records.getFirst();
        ReportSubmitted event = (ReportSubmitted) EventJson.read(record.value(), IntakeEvent.class);
        assertThat(event.narrative()).isEqualTo("Hàng xóm nghe thấy tiếng kêu cứu của cháu bé vào ban đêm.");
        assertThat(event.child().fullName()).isEqualTo("Nguyễn Thị Hoa");
        assertThat(event.reporter().fullName()).isEqualTo("Trần Văn Bình");
        assertThat(event.eventId()).isEqualTo(Ids.nameBased(ReportSubmitted.TYPE, report.reportId()));
        for (Header header : record.headers()) {
            String value = new String(header.value(), StandardCharsets.UTF_8);
            assertThat(value).doesNotContain("Nguyễn", "Trần", "0912345678", "Hàng xóm");
        }
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

    private HttpResponse<String> send(HttpRequest.Builder request) {
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
