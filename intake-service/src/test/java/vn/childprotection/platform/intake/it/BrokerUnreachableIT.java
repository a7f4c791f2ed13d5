package vn.childprotection.platform.intake.it;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.childprotection.platform.intake.fixtures.ReportJson;
import vn.childprotection.platform.testsupport.MongoStandIn;
import vn.childprotection.platform.testsupport.identity.TestActor;
import vn.childprotection.platform.testsupport.identity.TestIssuer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** With no broker to confirm a report, intake never answers 202: it says 503 with Retry-After. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"intake.publish-timeout=2s", "intake.retry-after=7s", "spring.kafka.admin.auto-create=false"})
class BrokerUnreachableIT {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
        MongoStandIn.register(registry);
        TestIssuer.register(registry);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        int unreachable = closedPort;
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + unreachable);
    }

    @Test
    void a_report_the_broker_cannot_confirm_gets_503_with_retry_after_and_no_acceptance() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/reports"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("Authorization", TestIssuer.shared().bearer(TestActor.OPERATOR_111))
                        .POST(HttpRequest.BodyPublishers.ofString(ReportJson.valid().toString())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered within a few seconds")
                .isLessThan(Duration.ofSeconds(10));
        assertThat(response.headers().firstValue("Retry-After")).contains("7");
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception");
    }
}
