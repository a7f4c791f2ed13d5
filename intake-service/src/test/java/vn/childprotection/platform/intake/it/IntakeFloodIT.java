package vn.childprotection.platform.intake.it;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.childprotection.platform.contracts.ReportSubmitted;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.intake.application.port.out.ReportPublisher;
import vn.childprotection.platform.intake.fixtures.ReportJson;
import vn.childprotection.platform.testsupport.MongoStandIn;
import vn.childprotection.platform.testsupport.identity.TestActor;
import vn.childprotection.platform.testsupport.identity.TestIssuer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Intake flooded far past its capacity: the reports it admitted are held at the broker (a gate in front of the real
 * publisher), so its slots stay full for as long as the test wants. Every other request must be answered 503 with
 * Retry-After while those are still held — refused at once, not after waiting for capacity — and intake must stay
 * healthy, then accept again by itself once the load is gone.
 */
@EmbeddedKafka(partitions = 1, topics = {Topics.INTAKE_REPORTS, Topics.INTAKE_REPORTS_URGENT})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "intake.max-concurrent-reports=4", "intake.admission-queue=4", "intake.admission-wait=200ms",
        "intake.retry-after=3s", "intake.publish-timeout=60s"})
class IntakeFloodIT {

    private static final int FLOOD = 400;
    private static final int SLOTS = 4;

    @LocalServerPort
    int port;

    @Autowired
    GatedPublisher gate;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        MongoStandIn.register(registry);
        TestIssuer.register(registry);
    }

    @TestConfiguration
    static class Gate {
        @Bean
        @Primary
        GatedPublisher gatedPublisher(@Qualifier("reportPublisher") ReportPublisher reportPublisher) {
            return new GatedPublisher(reportPublisher);
        }
    }

    /** Holds every publication until {@link #open()}, then hands it to the real publisher. */
    static final class GatedPublisher implements ReportPublisher {
        private final ReportPublisher delegate;
        private final CountDownLatch opened = new CountDownLatch(1);
        final AtomicInteger held = new AtomicInteger();

        GatedPublisher(ReportPublisher delegate) {
            this.delegate = delegate;
        }

        @Override
        public void publish(ReportSubmitted event) {
            held.incrementAndGet();
            try {
                opened.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishFailedException("interrupted", e);
            }
            delegate.publish(event);
        }

        void open() {
            opened.countDown();
        }
    }

    @Test
    void past_capacity_every_other_request_gets_503_with_retry_after_at_once_and_intake_stays_up_and_recovers()
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> flood = new ArrayList<>();
        for (int i = 0; i < FLOOD; i++) {
            flood.add(http.sendAsync(post(ReportJson.valid()), HttpResponse.BodyHandlers.ofString()));
        }

        await("the admitted reports held at the broker").atMost(Duration.ofMinutes(1))
                .until(() -> gate.held.get() == SLOTS);
        await("every other request answered while the admitted ones are still held").atMost(Duration.ofMinutes(1))
                .until(() -> flood.stream().filter(CompletableFuture::isDone).count() == FLOOD - SLOTS);
        assertThat(gate.held.get()).as("nothing more reached the broker").isEqualTo(SLOTS);

        List<HttpResponse<String>> refused = flood.stream().filter(CompletableFuture::isDone)
                .map(CompletableFuture::join).toList();
        assertThat(refused).hasSize(FLOOD - SLOTS).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).contains("3");
            assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/problem+json");
            assertThat(response.body()).contains("\"status\":503", "urn:problem-type:cprp:intake-unavailable");
        });
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus").body()).as("the admission's gauges")
                .contains("intake_admission_in_use " + SLOTS + ".0").contains("intake_admission_waiting 0.0")
                .containsPattern("intake_reports_total\\{[^}]*outcome=\"at_capacity\"[^}]*} " + (FLOOD - SLOTS) + ".0");

        gate.open();
        List<HttpResponse<String>> admitted = flood.stream().filter(f -> !refused.contains(f.join()))
                .map(CompletableFuture::join).toList();
        assertThat(admitted).hasSize(SLOTS).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(202));

        HttpResponse<String> afterwards = http.send(post(ReportJson.valid()), HttpResponse.BodyHandlers.ofString());
        assertThat(afterwards.statusCode()).as("accepting again once the load is gone").isEqualTo(202);
    }

    private HttpRequest post(ReportJson report) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/reports"))
                .timeout(Duration.ofMinutes(2)).header("Content-Type", "application/json")
                .header("Authorization", TestIssuer.shared().bearer(TestActor.OPERATOR_111))
                .POST(HttpRequest.BodyPublishers.ofString(report.toString())).build();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", TestIssuer.shared().bearer(TestActor.ADMIN))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
