package vn.childprotection.platform.console.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.childprotection.platform.console.fixtures.ConsoleClient;
import vn.childprotection.platform.console.fixtures.StubReporting;
import vn.childprotection.platform.testsupport.identity.TestActor;
import vn.childprotection.platform.testsupport.identity.TestIssuer;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay on a running console: a person signs in through the test issuer (authorization code with PKCE, no
 * browser), and the dashboard's API calls reach a stand-in of reporting-service with that person's token and nothing
 * else of the browser's request; answers and event streams come back as they are.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceRelayIT {

    private static final StubReporting reporting = StubReporting.start(TestIssuer.shared().issuerUri());
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("console.identity.issuer-uri", () -> TestIssuer.shared().issuerUri());
        registry.add("console.identity.client-secret", () -> "relay-it-secret");
        registry.add("console.reporting.url", reporting::url);
        // the stand-in answers as intake-service too (POST /api/v1/reports)
        registry.add("console.services.intake.url", reporting::url);
    }

    @AfterAll
    static void stopReporting() {
        reporting.close();
    }

    @BeforeEach
    void forget() {
        reporting.clear();
    }

    @Test
    void a_view_is_relayed_with_the_signed_in_persons_token_and_nothing_else_of_the_browsers_request() {
        try (ConsoleClient browser = signedIn(TestActor.COORDINATOR_11)) {
            HttpResponse<String> answer = browser.get("/dashboard/api/v1/stats/overview?period=2026&province=11",
                    "Accept", "application/json", "Accept-Language", "vi", "X-Requested-With", "dashboard");

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(answer.body()).contains("\"reports\":" + reporting.reports());
            assertThat(reporting.seen()).singleElement().satisfies(seen -> {
                assertThat(seen.path()).isEqualTo("/api/v1/stats/overview");
                assertThat(seen.query()).isEqualTo("period=2026&province=11");
                assertThat(seen.subject()).as("the token's subject").isEqualTo(TestActor.COORDINATOR_11.subject());
                assertThat(seen.header("Accept-Language")).isEqualTo("vi");
                assertThat(seen.header("Cookie")).as("the console's session cookie stays here").isNull();
                assertThat(seen.header("X-Requested-With")).isNull();
            });
        }
    }

    @Test
    void errors_come_back_as_reporting_service_gave_them() {
        try (ConsoleClient browser = signedIn(TestActor.ANALYST_11)) {
            HttpResponse<String> missing = browser.get("/dashboard/api/v1/stats/nothing-here");
            HttpResponse<String> forbidden = browser.get("/dashboard/api/v1/stats/overdue?period=2026");

            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(missing.body()).contains("\"title\":\"Not Found\"");
            assertThat(forbidden.statusCode()).as("an analyst and the overdue referrals").isEqualTo(403);
            assertThat(forbidden.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    void a_relayed_html_report_keeps_its_styles_but_can_run_nothing() {
        try (ConsoleClient browser = signedIn(TestActor.COORDINATOR_11)) {
            HttpResponse<String> report = browser.get("/dashboard/api/v1/reports/periodic?province=11&period=2026"
                    + "&format=html");

            assertThat(report.statusCode()).isEqualTo(200);
            assertThat(report.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
            assertThat(report.body()).contains("BÁO CÁO ĐỊNH KỲ");
            assertThat(report.headers().allValues("Content-Security-Policy"))
                    .containsExactly(ServiceRelay.RELAYED_DOCUMENT_POLICY);
        }
    }

    @Test
    void the_event_stream_reaches_the_browser_event_by_event_and_ends_upstream_when_the_browser_leaves()
            throws Exception {
        try (ConsoleClient browser = signedIn(TestActor.ANALYST_11)) {
            HttpResponse<InputStream> stream = browser.open("/dashboard/api/v1/stats/stream",
                    "Accept", "text/event-stream");
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
            assertThat(lines.readLine()).isEqualTo(": connected");
            await().atMost(PATIENCE).until(() -> reporting.openStreams() == 1);

            // one small event, alone: a relay that buffered would hold it back and the read would not return
            CompletableFuture<String> next = CompletableFuture.supplyAsync(() -> nextEvent(lines));
            reporting.publish("projection-changed", "{\"generation\":1}");
            assertThat(next).succeedsWithin(PATIENCE).isEqualTo("event: projection-changed");

            stream.body().close();
            await().atMost(PATIENCE).untilAsserted(() -> {
                reporting.heartbeat(); // what shows reporting-service a connection is gone
                assertThat(reporting.openStreams()).as("upstream streams after the browser left").isZero();
            });
        }
    }

    @Test
    void only_reads_of_the_reporting_api_are_relayed() {
        try (ConsoleClient browser = signedIn(TestActor.COORDINATOR_11)) {
            HttpResponse<String> post = browser.post("/dashboard/api/v1/projections/rebuild");
            HttpResponse<String> outside = browser.get("/dashboard/api/v1/%2e%2e/%2e%2e/actuator/env");

            assertThat(post.statusCode()).as("a POST without the CSRF token").isEqualTo(403);
            assertThat(outside.statusCode()).isEqualTo(400);
            assertThat(reporting.seen()).isEmpty();
        }
    }

    @Test
    void without_a_session_the_api_answers_401_as_a_problem_instead_of_a_redirect() {
        try (ConsoleClient stranger = new ConsoleClient(base())) {
            HttpResponse<String> answer = stranger.get("/dashboard/api/v1/stats/overview");

            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(reporting.seen()).isEmpty();
        }
    }

    @Test
    void the_health_probes_answer_without_a_session() {
        try (ConsoleClient probe = new ConsoleClient(base())) {
            assertThat(probe.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
            assertThat(probe.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_pages_action_is_relayed_to_the_service_it_names_with_its_json_body_and_the_persons_token() {
        String report = "{\"reportId\":\"3f0e9a4c-2b1d-4c8e-9f6a-7d5b1e2c3a40\",\"severity\":\"EMERGENCY\"}";
        try (ConsoleClient browser = signedIn(TestActor.OPERATOR_111)) {
            String csrf = browser.csrfToken();
            HttpResponse<String> answer = browser.postJson("/api/intake/v1/reports", report, "X-CSRF-TOKEN", csrf,
                    "Accept", "application/json");

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            assertThat(answer.body()).contains("\"caseId\":\"case-1\"");
            assertThat(reporting.seen()).singleElement().satisfies(seen -> {
                assertThat(seen.method()).isEqualTo("POST");
                assertThat(seen.path()).isEqualTo("/api/v1/reports");
                assertThat(seen.body()).isEqualTo(report);
                assertThat(seen.subject()).isEqualTo(TestActor.OPERATOR_111.subject());
                assertThat(seen.header("X-CSRF-TOKEN")).as("the console's CSRF token stays here").isNull();
                assertThat(seen.header("Cookie")).isNull();
            });
        }
    }

    @Test
    void an_action_without_the_pages_csrf_token_or_not_in_json_or_to_no_known_service_goes_nowhere() {
        try (ConsoleClient browser = signedIn(TestActor.OPERATOR_111)) {
            String csrf = browser.csrfToken();
            HttpResponse<String> forged = browser.postJson("/api/intake/v1/reports", "{}");
            HttpResponse<String> form = browser.post("/api/intake/v1/reports", "X-CSRF-TOKEN", csrf,
                    "Content-Type", "application/x-www-form-urlencoded");
            HttpResponse<String> unknown = browser.get("/api/payroll/v1/salaries");

            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(forged.body()).contains("CSRF");
            assertThat(form.statusCode()).isEqualTo(415);
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(reporting.seen()).isEmpty();
        }
    }

    private ConsoleClient signedIn(TestActor actor) {
        TestIssuer.shared().nextLogin(actor);
        ConsoleClient browser = new ConsoleClient(base());
        HttpResponse<String> home = browser.signIn();
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.uri().getPath()).isEqualTo("/");
        return browser;
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static String nextEvent(BufferedReader lines) {
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("event:")) {
                    return line;
                }
            }
            return null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
