package vn.childprotection.platform.reporting.browser;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import vn.childprotection.platform.contracts.CaseEvent;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.testsupport.TestKafka;
import vn.childprotection.platform.testsupport.browser.ChromiumInstalled;
import vn.childprotection.platform.testsupport.browser.HeadlessChromium;
import vn.childprotection.platform.testsupport.identity.TestActor;
import vn.childprotection.platform.testsupport.identity.TestIssuer;

import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard in headless Chromium against the whole service: case events in on case.events.v1, the page shows
 * exactly the figures the API serves, follows new events without a reload, speaks English on request, and loads
 * nothing from anywhere but the service.
 *
 * <p>The page is the dashboard module's (the console serves it at {@code /dashboard/} and relays its API calls with
 * the signed-in person's token); here the service itself serves it at its root, from the test classpath, and the
 * browser sends a national coordinator's token with every request (Chrome DevTools'
 * {@code Network.setExtraHTTPHeaders}), as the console's relay would.
 */
@ExtendWith(ChromiumInstalled.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // a consumer group of its own: a context of another test class on the same broker must not share partitions
        "spring.cloud.stream.bindings.onCaseEvent-in-0.group=reporting-dashboard-it",
        // the dashboard module's page at the root ("/" is its index.html; webjars/ stays where it is)
        "spring.web.resources.static-locations=classpath:/META-INF/resources/dashboard/",
        // ... under the policy of a page (the API's lets a page load nothing)
        "platform.security.pages=/,/index.html"})
abstract class DashboardBrowserScenario {

    /** Sees every figure the page shows: the figures, the overdue referrals and the repeats, of every province. */
    static final TestActor VIEWER = TestActor.COORDINATOR_11.withProvinces("*");

    static final Path SCREENSHOT = Path.of("target", "dashboard.png");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Long enough for the page's 30-second polling if the server's event stream is not there. */
    private static final Duration PAGE_PATIENCE = Duration.ofSeconds(45);
    private static final String PERIOD_FILTER = "period=" + DashboardTraffic.PERIOD;
    /** The views a panel of the page reads: a 404 answer must show as an "unavailable" panel, nothing worse. */
    private static final List<String> VIEWS = List.of("/api/v1/stats/overview", "/api/v1/stats/timeseries",
            "/api/v1/stats/breakdown?by=concern", "/api/v1/stats/funnel", "/api/v1/stats/indicators",
            "/api/v1/stats/overdue", "/api/v1/stats/repeats", "/api/v1/areas");
    private static final List<String> COMPARED = List.of("kpi-", "severity-", "channel-", "status-", "role-",
            "timeseries-", "area-", "concern-", "funnel-", "indicator-", "overdue-count", "overdue-row-",
            "repeats-count", "repeat-");

    private static HeadlessChromium browser;
    private static final DashboardTraffic traffic = new DashboardTraffic();
    /** The test classes (one Spring context each) that have sent the scenario to their service. */
    private static final Set<Class<?>> scenarioSent = ConcurrentHashMap.newKeySet();

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private RestClient http;
    private String base;

    @DynamicPropertySource
    static void identity(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestIssuer.shared().issuerUri());
    }

    @BeforeAll
    static void startBrowser() {
        // ChromiumInstalled has already skipped the class where the browser is missing; this guards a partial install
        assumeTrue(HeadlessChromium.installed(), "no headless browser at " + HeadlessChromium.BINARY);
        browser = HeadlessChromium.start();
        browser.sendWithEveryRequest(HttpHeaders.AUTHORIZATION, TestIssuer.shared().bearer(VIEWER));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.close();
        browser = null;
    }

    @BeforeEach
    void sendTheScenarioOnce() {
        base = "http://127.0.0.1:" + port;
        http = RestClient.builder().baseUrl(base)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestIssuer.shared().bearer(VIEWER)).build();
        if (scenarioSent.contains(getClass())) return;
        send(traffic.events());
        // the hand count of DashboardTraffic.events(): 4 contacts, 1 of them counselling, 3 cases, 7 referrals
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            Map<String, Object> overview = ApiFigures.get(http, "/api/v1/stats/overview?" + PERIOD_FILTER);
            assertThat(overview).containsEntry("reports", 4).containsEntry("cases", 3).containsEntry("referrals", 7);
        });
        scenarioSent.add(getClass());
    }

    @Test
    void the_page_at_the_root_loads_everything_from_the_service_without_console_errors() {
        browser.consoleProblems(); // drop what earlier pages logged
        openDashboard("");

        assertThat(browser.driver.getTitle()).isEqualTo("Bảng điều khiển bảo vệ trẻ em");
        assertThat(browser.script("return document.documentElement.lang")).isEqualTo("vi");
        assertThat(browser.requestedUrls()).isNotEmpty()
                .allSatisfy(url -> assertThat(url).startsWith(base + "/"))
                .anySatisfy(url -> assertThat(url).contains("/webjars/chart.js/"));
        assertThat(browser.script("return typeof window.Chart")).as("Chart.js loaded from the WebJar")
                .isEqualTo("function");
        assertThat(unexpected(browser.consoleProblems())).as("console warnings and errors").isEmpty();
    }

    @Test
    void the_page_shows_the_figures_the_api_serves_and_follows_the_filters() throws Exception {
        openDashboard("?" + PERIOD_FILTER);

        awaitPageShowsApi(PERIOD_FILTER, false);
        Map<String, Map<String, String>> figures = browser.figures();
        for (String kpi : List.of("kpi-reports", "kpi-cases", "kpi-referrals")) {
            assertThat(figures.get(kpi).get("text").replaceAll("\\D", "")).as("%s as people read it", kpi)
                    .isEqualTo(figures.get(kpi).get("value")).isNotEmpty();
        }
        browser.screenshot(SCREENSHOT);

        browser.driver.findElement(By.cssSelector("#f-province option[value='11']")).click();

        awaitPageShowsApi(PERIOD_FILTER + "&province=11", true);
        assertThat(browser.driver.getCurrentUrl()).as("the filters are in the address, to share or reload")
                .contains("province=11").contains(PERIOD_FILTER);
        assertThat(browser.driver.findElement(By.id("periodic-report")).getAttribute("href"))
                .isEqualTo(base + "/api/v1/reports/periodic?province=11&period=2025&format=html");
        assertThat(browser.driver.findElement(By.cssSelector("a.csv[data-csv='funnel']")).getAttribute("href"))
                .isEqualTo(base + "/api/v1/stats/funnel?period=2025&province=11&format=csv");
        assertThat(browser.driver.findElements(By.cssSelector("#f-province option")))
                .as("'all' and the 34 provinces of today's map").hasSize(35);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(browser.driver.findElement(By.cssSelector("#f-commune option[value='03127']")).getText())
                    .as("the province's communes on today's map").isEqualTo("Điện Biên Phủ (03127)");
            assertThat(browser.driver.findElement(By.cssSelector("#f-district option[value='094']")).getText())
                    .as("the districts it had until 30 June 2025").isEqualTo("Điện Biên Phủ (094)");
        });

        browser.driver.findElement(By.cssSelector("#f-commune option[value='03127']")).click();

        awaitPageShowsApi(PERIOD_FILTER + "&province=11&commune=03127", true);
        assertThat(browser.driver.getCurrentUrl()).contains("commune=03127");
        assertThat(Files.size(SCREENSHOT)).isPositive();
    }

    @Test
    void new_events_show_on_the_open_page_without_a_reload() {
        openDashboard("?" + PERIOD_FILTER);
        awaitPageShowsApi(PERIOD_FILTER, false);
        long casesBefore = pageValue("kpi-cases");
        browser.script("window.__sameDocument = 'still here';");

        send(traffic.lateEvents());

        await().atMost(PAGE_PATIENCE).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(pageValue("kpi-cases")).isEqualTo(casesBefore + 1));
        awaitPageShowsApi(PERIOD_FILTER, false);
        assertThat(browser.script("return window.__sameDocument")).as("no reload").isEqualTo("still here");
        if (streamServed()) {
            assertThat(browser.script("return document.body.dataset.live")).isEqualTo("sse");
        }
    }

    @Test
    void the_page_speaks_english_when_asked_and_remembers_it() {
        openDashboard("?" + PERIOD_FILTER);
        try {
            browser.driver.findElement(By.cssSelector("#lang option[value='en']")).click();

            assertThat(browser.script("return document.documentElement.lang")).isEqualTo("en");
            assertThat(browser.driver.findElement(By.id("overview-title")).getText()).isEqualTo("Overview");
            assertThat(browser.driver.findElement(By.cssSelector("#f-concern option[value='SEXUAL_ABUSE']")).getText())
                    .isEqualTo("Sexual abuse");
            assertThat(browser.driver.findElement(By.cssSelector("#f-agency option[value='WOMENS_UNION']")).getText())
                    .isEqualTo("Women's Union");

            openDashboard("?" + PERIOD_FILTER);
            assertThat(browser.driver.findElement(By.id("funnel-title")).getText())
                    .as("the choice survives a reload").isEqualTo("Referral follow-up by agency");
            assertThat(browser.driver.getTitle()).isEqualTo("Child protection dashboard");
        } finally {
            browser.script("document.cookie = 'cprp-lang=vi; Path=/; SameSite=Lax';");
        }
    }

    private void openDashboard(String query) {
        browser.open(base + "/" + query);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() ->
                "true".equals(browser.script("return document.body.dataset.ready || null")));
    }

    /** Until the page holds, under every data-testid, what the API serves now (the page follows within seconds). */
    private void awaitPageShowsApi(String filter, boolean localLevel) {
        String granularity = "month"; // what the page picks for a year
        await().atMost(PAGE_PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            ApiFigures expected = ApiFigures.read(http, filter, granularity, localLevel);
            Map<String, Map<String, String>> page = browser.figures();
            Map<String, String> panels = new TreeMap<>();
            expected.panels.keySet().forEach(panel -> panels.put(panel, page.getOrDefault(panel, Map.of()).get("state")));
            assertThat(panels).as("panel states").isEqualTo(expected.panels);

            Set<String> keys = new TreeSet<>(expected.figures.keySet());
            page.keySet().stream().filter(key -> COMPARED.stream().anyMatch(key::startsWith)).forEach(keys::add);
            List<String> differences = new ArrayList<>();
            for (String key : keys) {
                String shown = page.containsKey(key) ? page.get(key).get("value") : "<absent>";
                String served = expected.figures.getOrDefault(key, "<absent>");
                if (!sameFigure(shown == null ? "" : shown, served)) {
                    differences.add(key + ": page " + shown + ", API " + served);
                }
            }
            assertThat(differences).as("figures the page shows differently from the API").isEmpty();
        });
    }

    private static boolean sameFigure(String shown, String served) {
        if (shown.equals(served)) return true;
        try {
            return new BigDecimal(shown).compareTo(new BigDecimal(served)) == 0;
        } catch (NumberFormatException notNumbers) {
            return false;
        }
    }

    private long pageValue(String testId) {
        return Long.parseLong(browser.figures().get(testId).get("value"));
    }

    /** Console lines other than the 404s of views the API does not serve yet (each such panel says so). */
    private List<String> unexpected(List<String> problems) {
        List<String> missing = new ArrayList<>();
        VIEWS.stream().filter(view -> ApiFigures.get(http, view) == null)
                .map(view -> view.replaceFirst("\\?.*", "")).forEach(missing::add);
        if (!streamServed()) missing.add("/api/v1/stats/stream");
        return problems.stream()
                .filter(message -> missing.stream().noneMatch(message::contains))
                .toList();
    }

    /** True when GET /api/v1/stats/stream answers 200 (read up to the headers only: it is an endless stream). */
    private boolean streamServed() {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpResponse<InputStream> response = client.sendAsync(HttpRequest.newBuilder(
                            URI.create(base + "/api/v1/stats/stream")).header("Accept", "text/event-stream")
                            .header(HttpHeaders.AUTHORIZATION, TestIssuer.shared().bearer(VIEWER)).build(),
                    HttpResponse.BodyHandlers.ofInputStream()).get(5, TimeUnit.SECONDS);
            response.body().close();
            return response.statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    private void send(List<CaseEvent> events) {
        try (KafkaProducer<String, byte[]> producer = TestKafka.producer(bootstrapServers)) {
            for (CaseEvent event : events) {
                producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, event.caseId(), EventJson.write(event)))
                        .get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + Topics.CASE_EVENTS, e);
        }
    }
}
