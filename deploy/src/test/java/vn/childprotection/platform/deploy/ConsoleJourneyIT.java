package vn.childprotection.platform.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.testsupport.browser.Axe;
import vn.childprotection.platform.testsupport.browser.ChromiumInstalled;
import vn.childprotection.platform.testsupport.browser.HeadlessChromium;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console as people use it, on the platform as {@code ./platform up} runs it (the script itself, in a directory
 * and on ports of its own): each person signs in on Keycloak's own login page, in Debian's headless chromium.
 * <ol>
 *     <li>the hotline operator files an EMERGENCY sexual-abuse report for a commune of Điện Biên with the keyboard
 *     only, sees the routing preview, submits twice (one case) and sees the referrals;</li>
 *     <li>the police officer of Điện Biên finds it in the inbox with its countdown, acknowledges, accepts and completes
 *     it; the health officer forwards theirs to justice; the other agencies' systems answer on their topic;</li>
 *     <li>the coordinator sees the case completed and the forward, and sends again the duty SMS that failed while
 *     the SMS gateway was down;</li>
 *     <li>the informant's outcome SMS reaches the gateway's sink; an officer of another province never sees the case.</li>
 * </ol>
 * Every page is checked with axe-core (no serious or critical violation), each step leaves a screenshot under
 * {@code target/console-journey/}, the numbers a page shows are compared with the API's, and the pages' load times
 * and the actions' answer times (Resource Timing of the page's own calls) are written to {@code timings.txt}.
 */
@ExtendWith(ChromiumInstalled.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleJourneyIT {

    private static final Duration STARTUP = Duration.ofSeconds(Long.getLong("journey.startup.seconds", 600));
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CHILD = "Lò Thị Hoa";
    private static final String INFORMANT = "Quàng Văn Nam";
    private static final String PHONE = "0912345678";
    private static final String NARRATIVE = "Hàng xóm nghe tiếng trẻ khóc và thấy người lạ đưa trẻ đi lúc đêm.";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    private static final Path ROOT = MODULE.getParent();
    private static final Path OUT = MODULE.resolve("target/console-journey");
    private static final Path VAR = MODULE.resolve("target/console-journey-var");
    private static final Map<String, String> ENV = new LinkedHashMap<>();
    private static final Map<String, String> TIMINGS = new LinkedHashMap<>();
    private static final AtomicBoolean GATEWAY_UP = new AtomicBoolean(false);
    private static HttpServer smsGateway;
    private static String console;
    private static String caseId;
    private static int shot;

    @BeforeAll
    static void startThePlatform() throws Exception {
        assumeTrue(Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                        .anyMatch(dir -> Files.isExecutable(Path.of(dir, "unzip"))),
                "./platform unpacks Keycloak with unzip, which is not installed");
        deleteRecursively(VAR);
        deleteRecursively(OUT);
        Files.createDirectories(OUT);
        List<String> names = List.of("KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "MONGO_PORT", "MONGO_HEALTH_PORT",
                "INTAKE_PORT", "REFERRAL_PORT", "NOTIFICATION_PORT", "REPORTING_PORT", "AUDIT_PORT", "CONSOLE_PORT",
                "IDENTITY_PORT", "IDENTITY_MANAGEMENT_PORT", "NOTIFICATION_CHANNELS_EMAIL_PORT");
        for (String name : names) {
            ENV.put(name, String.valueOf(FreePorts.next()));
        }
        // the SMS gateway the notifications go through: down at first, then it hands each message on to the
        // platform's own SMS sink (GET /sinks/sms), as a real gateway outage and its recovery would
        smsGateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        smsGateway.createContext("/", exchange -> {
            try (exchange) {
                relaySms(exchange);
            }
        });
        smsGateway.start();
        ENV.put("NOTIFICATION_CHANNELS_SMS_URL", "http://127.0.0.1:" + smsGateway.getAddress().getPort() + "/sms");
        ENV.put("PLATFORM_VAR_DIR", VAR.toString());
        ENV.put("PLATFORM_START_TIMEOUT", String.valueOf(STARTUP.toSeconds()));
        console = "http://127.0.0.1:" + ENV.get("CONSOLE_PORT");

        long started = System.nanoTime();
        Result up = platform(STARTUP.plusMinutes(2), "up", "-d", "--no-build");
        assertThat(up.exitCode()).as("./platform up -d:%n%s", up.output()).isZero();
        TIMINGS.put("./platform up -d (Keycloak unpacked and started for the first time)",
                (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    @AfterAll
    static void stopThePlatform() throws Exception {
        try {
            if (!ENV.isEmpty()) {
                Result down = platform(Duration.ofMinutes(3), "down");
                if (down.exitCode() != 0) {
                    System.out.println("./platform down: " + down.output());
                }
            }
        } finally {
            if (smsGateway != null) {
                smsGateway.stop(0);
            }
            StringBuilder lines = new StringBuilder();
            TIMINGS.forEach((what, time) -> lines.append(what).append(": ").append(time).append('\n'));
            Files.createDirectories(OUT);
            Files.writeString(OUT.resolve("timings.txt"), lines);
            System.out.print("Console journey timings\n" + lines);
        }
    }

    @Test
    @Order(1)
    void theOperatorFilesAnEmergencyReportByKeyboardSeesThePreviewSubmitsTwiceAndSeesTheReferrals() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            // a narrow window beside the softphone
            browser.driver.manage().window().setSize(new Dimension(360, 900));
            signIn(browser, "operator-111", "/reports/new");
            awaitPage(browser, "#province option[value='11']");
            checkPage(browser, "report form (360 px)");
            assertFitsTheWindow(browser, "report form");
            browser.driver.navigate().refresh();
            awaitPage(browser, "#province option[value='11']");
            checkPage(browser, "report form again (360 px)");
            WebElement form = browser.driver.findElement(By.id("report-form"));
            String reportId = form.findElement(By.id("reportId")).getDomProperty("value");

            // the keyboard only: Tab to each field, type, Space to tick, arrows to choose
            tabTo(browser, "child-name");
            keys(browser, CHILD);
            tabTo(browser, "child-sex");
            chooseByArrows(browser, "child-sex", "FEMALE");
            tabTo(browser, "child-age");
            keys(browser, "12");
            tabTo(browser, "relationship");
            chooseByArrows(browser, "relationship", "NEIGHBOUR");
            tabTo(browser, "wants-feedback");
            keys(browser, " ");
            tabTo(browser, "informant-name");
            keys(browser, INFORMANT);
            tabTo(browser, "informant-phone");
            keys(browser, PHONE);
            tabTo(browser, "concern-filter");
            keys(browser, "xam hai tinh duc");
            tabToConcern(browser, "SEXUAL_ABUSE");
            keys(browser, " ");
            tabToRadio(browser, "severity");
            chooseRadioByArrows(browser, "severity", "EMERGENCY");
            tabTo(browser, "province");
            chooseByArrows(browser, "province", "11");
            await().atMost(WAIT).until(() -> browser.driver.findElement(By.id("commune-filter")).isEnabled());
            tabTo(browser, "commune-filter");
            keys(browser, "dien bien phu");
            tabTo(browser, "commune");
            await().atMost(WAIT).until(() -> !browser.driver.findElements(
                    By.cssSelector("#commune option[value='03127']")).isEmpty());
            chooseByArrows(browser, "commune", "03127");
            tabTo(browser, "narrative");
            keys(browser, NARRATIVE);

            await().atMost(WAIT).until(() -> browser.driver.findElements(By.cssSelector("#preview tr")).size() >= 2);
            assertFitsTheWindow(browser, "report form with its preview");
            String preview = browser.driver.findElement(By.id("preview")).getText();
            assertThat(preview).contains("Công an").contains("Y tế");
            screenshot(browser, "operator-preview");

            new Actions(browser.driver).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
            await().atMost(WAIT).until(() -> !java.util.Objects.toString(browser.driver.findElement(By.id("result"))
                    .getDomAttribute("data-case-id"), "").isBlank());
            caseId = browser.driver.findElement(By.id("result")).getDomAttribute("data-case-id");
            tabTo(browser, "submit");
            keys(browser, Keys.ENTER);
            await().atMost(WAIT).until(() -> browser.driver.findElement(By.id("result")).getText()
                    .contains(caseId) && browser.driver.findElement(By.id("result")).getText().length() > 0);
            await().atMost(WAIT).until(() -> browser.driver.findElements(
                    By.cssSelector("#result table tr[data-agency]")).size() >= 2);
            TIMINGS.put("operator: the report submitted twice, intake's answers through the console",
                    allCalls(browser, "/api/intake/v1/reports"));
            TIMINGS.put("operator: routing previews as the form changed", allCalls(browser, "/routing/preview"));
            screenshot(browser, "operator-submitted");
            browser.driver.manage().window().setSize(new Dimension(1920, 1080));

            JsonNode mine = api("operator-111", "REFERRAL_PORT", "/api/v1/cases?size=100");
            assertThat(mine.path("items").findValuesAsString("caseId")).as("one case for the two submissions")
                    .containsOnlyOnce(caseId);
            assertThat(form.findElement(By.id("reportId")).getDomProperty("value")).isEqualTo(reportId);
            JsonNode theCase = api("operator-111", "REFERRAL_PORT", "/api/v1/cases/" + caseId);
            assertThat(browser.driver.findElements(By.cssSelector("#result table tr[data-agency]")))
                    .as("the page's referrals are the case's").hasSize(theCase.path("referrals").size());
            assertThat(browser.driver.findElement(By.id("result")).getText()).as("statuses in the page's language")
                    .contains("Mới chuyển").doesNotContain("ISSUED");
            assertNoPersonalDataKept(browser);

            browser.open(console + "/reports/mine");
            awaitPage(browser, "#mine-list table");
            checkPage(browser, "my reports");
            assertThat(browser.driver.findElement(By.id("mine-list")).getText()).contains("Điện Biên Phủ");
            screenshot(browser, "operator-my-reports");
        }
    }

    @Test
    @Order(2)
    void thePoliceOfficerAcknowledgesAcceptsAndCompletesAndTheHealthOfficerForwardsToJustice() throws Exception {
        // the police's duty phone had the referral by SMS while the gateway was down: four attempts, then FAILED;
        // the gateway is back before the agencies answer
        await().atMost(WAIT).until(() -> failedSms().isPresent());
        GATEWAY_UP.set(true);
        JsonNode theCase = api("coordinator-11", "REFERRAL_PORT", "/api/v1/cases/" + caseId);
        String police = referralOf(theCase, "POLICE");
        String health = referralOf(theCase, "HEALTH");
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            signIn(browser, "police-11", "/inbox");
            awaitPage(browser, "#inbox-list tr[data-referral-id='" + police + "']");
            checkPage(browser, "inbox");
            WebElement row = browser.driver.findElement(By.cssSelector("tr[data-referral-id='" + police + "']"));
            assertThat(row.getText()).contains("Còn").contains("Phường Điện Biên Phủ");
            JsonNode listed = api("police-11", "REFERRAL_PORT", "/api/v1/referrals?size=200&status=ISSUED");
            assertThat(browser.driver.findElement(By.cssSelector("#tab-new [data-count]")).getText())
                    .as("the new tab counts what the API lists").isEqualTo(String.valueOf(listed.path("items").size()));
            screenshot(browser, "police-inbox");
            browser.driver.manage().window().setSize(new Dimension(360, 800));
            assertFitsTheWindow(browser, "inbox");
            screenshot(browser, "police-inbox-360");
            browser.driver.manage().window().setSize(new Dimension(1366, 900));

            row.findElement(By.tagName("a")).click();
            awaitPage(browser, "#brief div");
            checkPage(browser, "referral");
            assertThat(browser.driver.findElement(By.id("brief")).getText()).contains(CHILD).contains(NARRATIVE);
            for (String action : List.of("ACKNOWLEDGED", "ACCEPTED", "COMPLETED")) {
                respond(browser, action, Map.of());
                TIMINGS.put("police-11: " + action + " answered", lastCall(browser, "/responses"));
            }
            assertThat(browser.driver.findElement(By.id("no-actions")).isDisplayed()).isTrue();
            screenshot(browser, "police-completed");
        }
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            signIn(browser, "health-11", "/referrals/" + health);
            awaitPage(browser, "#action option");
            checkPage(browser, "referral (health)");
            // justice already works on the case: the forward is refused, and the page says why
            respond(browser, "FORWARDED", Map.of("forward-to", "JUSTICE", "reason-code", "OUTSIDE_MANDATE",
                    "reason", "Cần trợ giúp pháp lý cho trẻ"), false);
            await().atMost(WAIT).until(() -> "forward-target-invalid".equals(browser.driver.findElement(
                    By.id("respond-result")).getDomAttribute("data-code")));
            assertThat(browser.driver.findElement(By.id("respond-result")).getText())
                    .contains("Không chuyển tiếp được tới cơ quan này");
            screenshot(browser, "health-forward-refused");

            // the other agencies answer from their own systems, on their topic; justice's referral is then done
            try (AgencySystems systems = new AgencySystems()) {
                for (String[] other : openReferralsExcept(Set.of("POLICE", "HEALTH"))) {
                    systems.complete(caseId, other[0], other[1]);
                }
                await().atMost(WAIT).until(() -> openReferralsExcept(Set.of("HEALTH")).isEmpty());

                browser.driver.navigate().refresh();
                awaitPage(browser, "#action option[value='FORWARDED']");
                respond(browser, "FORWARDED", Map.of("forward-to", "JUSTICE", "reason-code", "OUTSIDE_MANDATE",
                        "reason", "Cần trợ giúp pháp lý cho trẻ"), true);
                TIMINGS.put("health-11: FORWARDED answered", lastCall(browser, "/responses"));
                assertThat(browser.driver.findElement(By.id("history")).getText()).contains("Tư pháp");
                screenshot(browser, "health-forwarded");

                // justice's system takes the forward and completes it
                await().atMost(WAIT).until(() -> !openReferralsExcept(Set.of()).isEmpty());
                for (String[] other : openReferralsExcept(Set.of())) {
                    assertThat(other[1]).isEqualTo("JUSTICE");
                    systems.complete(caseId, other[0], other[1]);
                }
            }
        }
        await().atMost(WAIT).until(() -> "COMPLETED".equals(api("coordinator-11", "REFERRAL_PORT",
                "/api/v1/cases/" + caseId).path("status").asString()));
    }

    @Test
    @Order(3)
    void theCoordinatorSeesTheCaseCompletedAndTheForwardAndSendsAgainTheSmsThatFailed() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            signIn(browser, "coordinator-11", "/workspace");
            awaitPage(browser, "#failed table");
            awaitPage(browser, "#escalations p, #escalations table");
            checkPage(browser, "workspace");
            JsonNode failed = api("coordinator-11", "NOTIFICATION_PORT", "/api/v1/notifications?status=FAILED&size=50");
            assertThat(browser.driver.findElement(By.cssSelector("[data-count='failed']")).getText())
                    .as("the failed count is the API's").isEqualTo("(" + failed.path("totalElements").asLong() + ")");
            screenshot(browser, "coordinator-workspace");

            String notificationId = failedSms().orElseThrow();
            WebElement resend = browser.driver.findElement(By.cssSelector("button[data-notification-id='"
                    + notificationId + "']"));
            resend.click();
            await().atMost(WAIT).until(() -> resend.findElement(By.xpath("following-sibling::output")).getText()
                    .equals("Đã gửi lại."));
            TIMINGS.put("coordinator-11: re-send answered", lastCall(browser, "/retry"));
            await().atMost(WAIT).until(() -> "DELIVERED".equals(api("coordinator-11", "NOTIFICATION_PORT",
                    "/api/v1/notifications/" + notificationId).path("status").asString()));

            WebElement search = browser.driver.findElement(By.id("search-case"));
            search.sendKeys(caseId, Keys.ENTER);
            awaitPage(browser, "#case-referrals .referral-line");
            await().atMost(WAIT).until(() -> browser.driver.findElements(By.cssSelector(".timeline li")).size() >= 4);
            checkPage(browser, "case");
            assertThat(browser.driver.findElement(By.id("case-facts")).getText()).contains("Hoàn thành");
            assertThat(browser.driver.findElement(By.cssSelector(".referral-line[data-agency='HEALTH']")).getText())
                    .contains("Đã chuyển tiếp").contains("Tư pháp");
            JsonNode theCase = api("coordinator-11", "REFERRAL_PORT", "/api/v1/cases/" + caseId);
            assertThat(browser.driver.findElements(By.cssSelector(".referral-line")))
                    .as("every referral of the case, the forward's included").hasSize(theCase.path("referrals").size());

            browser.driver.findElement(By.id("reveal-reason")).sendKeys("Công an cần lời khai của người báo tin");
            browser.driver.findElement(By.cssSelector("[data-testid='reveal-go']")).click();
            await().atMost(WAIT).until(() -> browser.driver.findElement(By.id("informant")).getText().contains(PHONE));
            TIMINGS.put("coordinator-11: informant reveal answered", lastCall(browser, "/informant-reveal"));
            screenshot(browser, "coordinator-case");
            browser.open(console + "/cases/" + caseId + "?lang=en");
            awaitPage(browser, "#case-referrals .referral-line");
            checkPage(browser, "case (English)");
            assertThat(browser.driver.findElement(By.id("main")).getText()).contains("Referrals and their history")
                    .contains("Completed").doesNotContain("Hoàn thành");
            assertThat(browser.driver.findElement(By.id("informant")).getText()).as("the reveal is not kept").isEmpty();
            screenshot(browser, "coordinator-case-english");
            browser.open(console + "/cases/" + caseId + "?lang=vi");
            awaitPage(browser, "#case-referrals .referral-line");
            assertNoPersonalDataKept(browser);
        }
    }

    @Test
    @Order(4)
    void theInformantsOutcomeSmsArrivesAndAnOfficerOfAnotherProvinceNeverSeesTheCase() throws Exception {
        await().atMost(WAIT).untilAsserted(() -> {
            HttpResponse<String> sms = HTTP.send(HttpRequest.newBuilder(URI.create(service("NOTIFICATION_PORT")
                            + "/sinks/sms")).header("Authorization", "Bearer " + token("admin")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(sms.statusCode()).isEqualTo(200);
            assertThat(sms.body()).contains(PHONE.substring(1));
        });
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            signIn(browser, "police-01", "/inbox");
            awaitPage(browser, "#inbox-list p, #inbox-list table");
            for (String tab : List.of("new", "progress", "overdue", "done")) {
                browser.driver.findElement(By.id("tab-" + tab)).click();
                assertThat(browser.driver.findElement(By.id("inbox-list")).getText()).doesNotContain("Điện Biên");
            }
            JsonNode theCase = api("coordinator-11", "REFERRAL_PORT", "/api/v1/cases/" + caseId);
            browser.open(console + "/referrals/" + referralOf(theCase, "POLICE"));
            awaitPage(browser, "#main .alert");
            assertThat(browser.driver.findElement(By.cssSelector("#main .alert")).getText())
                    .contains("Không có thông tin chuyển gửi này");
            screenshot(browser, "other-province-officer");
        }
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            signIn(browser, "auditor", "/audit");
            browser.driver.findElement(By.id("audit-case")).sendKeys(caseId, Keys.ENTER);
            await().atMost(WAIT).until(() -> browser.driver.findElement(By.id("audit-list")).getText()
                    .contains("REVEAL_INFORMANT"));
            checkPage(browser, "audit");
            screenshot(browser, "auditor-trail");
        }
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            signIn(browser, "analyst-11", "/dashboard/");
            awaitPage(browser, "main");
            screenshot(browser, "analyst-dashboard");
            browser.open(console + "/");
            awaitPage(browser, "#main");
            checkPage(browser, "home");
        }
    }

    @Test
    @Order(5)
    void theCoordinatorErasesTheCasesPersonalDataOnAReasonAndTheFiguresStayAsTheyWere() throws Exception {
        JsonNode figuresBefore = figures();
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            signIn(browser, "coordinator-11", "/cases/" + caseId);
            awaitPage(browser, "#case-referrals .referral-line");
            assertThat(browser.driver.findElement(By.id("case-facts")).getText()).contains(CHILD);

            // not without the confirmation, then with it and a written reason
            browser.driver.findElement(By.id("erase-reason")).sendKeys("Gia đình yêu cầu xoá dữ liệu theo quy định");
            browser.driver.findElement(By.cssSelector("[data-testid='erase-go']")).click();
            await().atMost(WAIT).until(() -> !browser.driver.findElement(By.id("erase-error")).getText().isEmpty());
            browser.driver.findElement(By.id("erase-confirm")).click();
            browser.driver.findElement(By.id("erase-reason")).sendKeys("Gia đình yêu cầu xoá dữ liệu theo quy định");
            browser.driver.findElement(By.cssSelector("[data-testid='erase-go']")).click();
            await().atMost(WAIT).until(() -> browser.driver.findElement(By.id("erase-result")).getText()
                    .contains("Đã xoá dữ liệu cá nhân"));
            TIMINGS.put("coordinator-11: erasure answered", lastCall(browser, "/erasure"));
            await().atMost(WAIT).until(() -> !browser.driver.findElement(By.id("case-facts")).getText()
                    .contains(CHILD));
            checkPage(browser, "case (erased)");
            screenshot(browser, "coordinator-case-erased");
        }
        assertThat(api("coordinator-11", "REFERRAL_PORT", "/api/v1/cases/" + caseId).toString())
                .doesNotContain(CHILD).doesNotContain(PHONE);
        assertThat(figures()).as("every figure as it was").isEqualTo(figuresBefore);
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            signIn(browser, "auditor", "/audit");
            browser.driver.findElement(By.id("audit-case")).sendKeys(caseId, Keys.ENTER);
            await().atMost(WAIT).until(() -> browser.driver.findElement(By.id("audit-list")).getText()
                    .contains("ERASE_PERSONAL_DATA"));
        }
    }

    /** The province's overview figures, without the time they were made at. */
    private static JsonNode figures() throws Exception {
        JsonNode overview = api("analyst-11", "REPORTING_PORT", "/api/v1/stats/overview");
        ((ObjectNode) overview).remove("generatedAt");
        return overview;
    }

    /** The SMS gateway stand-in: 503 while down, else the message handed on to the platform's SMS sink. */
    private static void relaySms(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (!GATEWAY_UP.get()) {
            exchange.sendResponseHeaders(503, -1);
            return;
        }
        HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(service("NOTIFICATION_PORT") + "/sinks/sms"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : List.of("Content-Type", "Accept", "X-Api-Key", "Authorization")) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                forward.header(header, value);
            }
        }
        HttpResponse<byte[]> answer;
        try {
            answer = HTTP.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(503, -1);
            return;
        } catch (IOException | RuntimeException e) {
            System.out.println("SMS gateway stand-in: " + e);
            exchange.sendResponseHeaders(502, -1);
            return;
        }
        exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }

    // ---- the browser ----

    /** Signs in on Keycloak's own page and lands on {@code path}; the page's load time is kept. */
    private static void signIn(HeadlessChromium browser, String user, String path) throws IOException {
        browser.open(console + path);
        await().atMost(WAIT).until(() -> !browser.driver.findElements(
                By.cssSelector("a[href='/oauth2/authorization/cprp']")).isEmpty());
        browser.driver.findElement(By.cssSelector("a[href='/oauth2/authorization/cprp']")).click();
        await().atMost(WAIT).until(() -> !browser.driver.findElements(By.id("username")).isEmpty());
        browser.driver.findElement(By.id("username")).sendKeys(user);
        browser.driver.findElement(By.id("password")).sendKeys(password(user));
        browser.driver.findElement(By.id("kc-login")).click();
        await().atMost(WAIT).until(() -> browser.driver.getCurrentUrl().startsWith(console + path));
    }

    private static void awaitPage(HeadlessChromium browser, String selector) {
        await().atMost(WAIT).ignoreExceptions().until(() -> !browser.driver.findElements(By.cssSelector(selector)).isEmpty());
    }

    /** axe-core on the page (no serious or critical violation), no console error, and its load time kept. */
    private static void checkPage(HeadlessChromium browser, String page) {
        List<JsonNode> serious = new ArrayList<>();
        JSON.readTree(Axe.violations(browser)).forEach(v -> {
            if (Set.of("serious", "critical").contains(v.path("impact").asString())) {
                serious.add(v);
            }
        });
        assertThat(serious).as("axe on the %s page", page).isEmpty();
        assertThat(browser.consoleProblems()).as("the browser's console on the %s page", page)
                .noneMatch(line -> line.contains("SEVERE"));
        Object load = browser.script("const n = performance.getEntriesByType('navigation')[0];"
                + " return n ? Math.round(n.loadEventEnd - n.startTime) : -1;");
        TIMINGS.put("page " + page + " loaded", load + " ms");
    }

    /** Nothing wider than the window: no sideways scrolling. */
    private static void assertFitsTheWindow(HeadlessChromium browser, String page) {
        Object overflow = browser.script("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as("how far the %s page is wider than the window", page)
                .isLessThanOrEqualTo(0);
    }

    private static void screenshot(HeadlessChromium browser, String name) throws IOException {
        browser.screenshot(OUT.resolve(String.format("%02d-%s.png", ++shot, name)));
    }

    /** The answer time of the page's last call to a path, as the browser measured it. */
    private static String lastCall(HeadlessChromium browser, String pathPart) {
        Object duration = browser.script("const calls = performance.getEntriesByType('resource')"
                + ".filter((e) => e.name.includes(arguments[0]));"
                + " return calls.length ? Math.round(calls[calls.length - 1].duration) : -1;", pathPart);
        return duration + " ms";
    }

    /** The answer times of every call of the page to a path, in order. */
    private static String allCalls(HeadlessChromium browser, String pathPart) {
        Object durations = browser.script("return performance.getEntriesByType('resource')"
                + ".filter((e) => e.name.includes(arguments[0])).map((e) => Math.round(e.duration)).join(' ms, ')",
                pathPart);
        return durations + " ms";
    }

    private static void respond(HeadlessChromium browser, String action, Map<String, String> fields) {
        respond(browser, action, fields, true);
    }

    /** Chooses the action, fills its fields, sends it; when {@code recorded}, waits for it in the history. */
    private static void respond(HeadlessChromium browser, String action, Map<String, String> fields,
                                boolean recorded) {
        int before = browser.driver.findElements(By.cssSelector("#history li")).size();
        await().atMost(WAIT).until(() -> !browser.driver.findElements(
                By.cssSelector("#action option[value='" + action + "']")).isEmpty());
        choose(browser, browser.driver.findElement(By.id("action")), action);
        fields.forEach((id, value) -> {
            WebElement field = browser.driver.findElement(By.id(id));
            if ("select".equals(field.getTagName())) {
                choose(browser, field, value);
            } else {
                field.sendKeys(value);
            }
        });
        browser.driver.findElement(By.cssSelector("[data-testid='respond']")).click();
        if (recorded) {
            await().atMost(WAIT).until(() -> browser.driver.findElements(By.cssSelector("#history li")).size()
                    > before);
        }
    }

    /** Picks an option of a select as a person's choice does (the change event included). */
    private static void choose(HeadlessChromium browser, WebElement select, String value) {
        browser.script("arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('change', { bubbles: true }));", select, value);
        assertThat(select.getDomProperty("value")).isEqualTo(value);
    }

    private static void keys(HeadlessChromium browser, CharSequence text) {
        new Actions(browser.driver).sendKeys(text).perform();
    }

    private static String focused(HeadlessChromium browser) {
        Object id = browser.script("return document.activeElement ? document.activeElement.id : ''");
        return id == null ? "" : id.toString();
    }

    /** Tab (never the mouse) until the field has the focus: it is reachable by keyboard, in order. */
    private static void tabTo(HeadlessChromium browser, String id) {
        for (int i = 0; i < 80 && !id.equals(focused(browser)); i++) {
            keys(browser, Keys.TAB);
        }
        assertThat(focused(browser)).as("the keyboard reaches #%s", id).isEqualTo(id);
    }

    private static void tabToConcern(HeadlessChromium browser, String concern) {
        for (int i = 0; i < 40; i++) {
            keys(browser, Keys.TAB);
            Object value = browser.script("const e = document.activeElement; return e && e.name === 'concerns' ? e.value : null");
            if (concern.equals(value)) {
                return;
            }
        }
        throw new AssertionError("the keyboard does not reach the concern " + concern);
    }

    private static void tabToRadio(HeadlessChromium browser, String name) {
        for (int i = 0; i < 40; i++) {
            keys(browser, Keys.TAB);
            if (Boolean.TRUE.equals(browser.script("const e = document.activeElement; return !!e && e.name === arguments[0];",
                    name))) {
                return;
            }
        }
        throw new AssertionError("the keyboard does not reach the radio group " + name);
    }

    private static void chooseRadioByArrows(HeadlessChromium browser, String name, String value) {
        if (!Boolean.TRUE.equals(browser.script("return document.activeElement.checked"))) {
            keys(browser, " ");
        }
        for (int i = 0; i < 6 && !value.equals(browser.script("return document.activeElement.value")); i++) {
            keys(browser, Keys.ARROW_UP);
        }
        assertThat(browser.script("const e = document.querySelector(`input[name='${arguments[0]}']:checked`);"
                + " return e ? e.value : null", name)).isEqualTo(value);
    }

    /** Arrow keys on a focused select until it holds the value. */
    private static void chooseByArrows(HeadlessChromium browser, String id, String value) {
        WebElement select = browser.driver.findElement(By.id(id));
        for (int i = 0; i < 4000 && !value.equals(select.getDomProperty("value")); i++) {
            keys(browser, Keys.ARROW_DOWN);
        }
        assertThat(select.getDomProperty("value")).isEqualTo(value);
    }

    /** Nothing in the browser's storage, and no name, phone or narrative in any address the page used. */
    private static void assertNoPersonalDataKept(HeadlessChromium browser) {
        assertThat(browser.storedEntries()).isZero();
        assertThat(browser.requestedUrls()).allSatisfy(url -> assertThat(java.net.URLDecoder.decode(url,
                StandardCharsets.UTF_8)).doesNotContain(CHILD).doesNotContain(INFORMANT).doesNotContain(PHONE));
    }

    // ---- the platform ----

    private record Result(int exitCode, String output) {
    }

    private static Result platform(Duration timeout, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("platform").toString()));
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile("platform-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(ENV);
        Process process = builder.start();
        boolean done = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!done) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        Files.delete(log);
        return new Result(done ? process.exitValue() : -1, output);
    }

    private static String service(String port) {
        return "http://127.0.0.1:" + ENV.get(port);
    }

    private static String password(String user) throws IOException {
        String key = "CPRP_PASSWORD_" + user.toUpperCase().replace('-', '_') + "=";
        try (Stream<String> lines = Files.lines(VAR.resolve("identity/secrets.env"))) {
            return lines.filter(line -> line.startsWith(key)).map(line -> line.substring(key.length())).findFirst()
                    .orElseThrow();
        }
    }

    private static final Map<String, String[]> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A person's access token from Keycloak, as {@code ./platform token} gets it; kept while it is fresh. */
    private static String token(String user) throws Exception {
        String[] held = TOKENS.get(user);
        if (held != null && Instant.parse(held[1]).isAfter(Instant.now())) {
            return held[0];
        }
        Result result = platform(Duration.ofMinutes(1), "token", user);
        assertThat(result.exitCode()).as("./platform token %s: %s", user, result.output()).isZero();
        String token = result.output().strip().lines().reduce((a, b) -> b).orElseThrow();
        TOKENS.put(user, new String[]{token, Instant.now().plusSeconds(120).toString()});
        return token;
    }

    private static JsonNode api(String user, String port, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(service(port) + path))
                .header("Authorization", "Bearer " + token(user)).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s as %s: %s", path, user, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The case's open PRIMARY and SUPPORTING referrals (id, agency) but those of the agencies named. */
    private static List<String[]> openReferralsExcept(Set<String> agencies) throws Exception {
        List<String[]> open = new ArrayList<>();
        for (JsonNode r : api("coordinator-11", "REFERRAL_PORT", "/api/v1/cases/" + caseId).path("referrals")) {
            if (!agencies.contains(r.path("agency").asString()) && !"INFORMED".equals(r.path("role").asString())
                    && !Set.of("COMPLETED", "DECLINED", "FORWARDED").contains(r.path("status").asString())) {
                open.add(new String[]{r.path("referralId").asString(), r.path("agency").asString()});
            }
        }
        return open;
    }

    private static String referralOf(JsonNode theCase, String agency) {
        for (JsonNode r : theCase.path("referrals")) {
            if (agency.equals(r.path("agency").asString())) {
                return r.path("referralId").asString();
            }
        }
        throw new AssertionError("no " + agency + " referral in " + theCase);
    }

    private static java.util.Optional<String> failedSms() throws Exception {
        JsonNode failed = api("coordinator-11", "NOTIFICATION_PORT", "/api/v1/notifications?caseId=" + caseId
                + "&status=FAILED&size=50");
        for (JsonNode n : failed.path("items")) {
            if ("SMS".equals(n.path("channel").asString())) {
                return java.util.Optional.of(n.path("notificationId").asString());
            }
        }
        return java.util.Optional.empty();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * The agencies' own systems of Điện Biên: each answers on its own answer topic with its own broker credentials,
     * which it gets as an agency's administrator would, from {@code ./platform credentials <agency>-11-system}.
     */
    private static final class AgencySystems implements AutoCloseable {

        private final Map<String, KafkaProducer<String, byte[]>> producers = new HashMap<>();

        private KafkaProducer<String, byte[]> producerOf(String agency) throws IOException, InterruptedException {
            KafkaProducer<String, byte[]> existing = producers.get(agency);
            if (existing != null) {
                return existing;
            }
            Result credentials = platform(Duration.ofSeconds(30), "credentials",
                    Topics.agencySegment(agency) + "-11-system");
            assertThat(credentials.exitCode()).as(credentials.output()).isZero();
            Map<String, String> librdkafka = new HashMap<>();
            credentials.output().lines().filter(line -> line.contains("=")).forEach(line -> librdkafka.put(
                    line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, librdkafka.get("bootstrap.servers"));
            properties.put("security.protocol", librdkafka.get("security.protocol"));
            properties.put("sasl.mechanism", librdkafka.get("sasl.mechanisms"));
            properties.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                    + "username=\"" + librdkafka.get("sasl.username") + "\" password=\""
                    + librdkafka.get("sasl.password") + "\";");
            properties.put("ssl.truststore.type", "PEM");
            properties.put("ssl.truststore.location", librdkafka.get("ssl.ca.location"));
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(),
                    new ByteArraySerializer());
            producers.put(agency, producer);
            return producer;
        }

        /** Accepted, then completed with support provided. */
        void complete(String caseId, String referralId, String agency) throws Exception {
            for (String action : List.of("ACCEPTED", "COMPLETED")) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("responseId", agency.toLowerCase() + "-system-" + referralId + "-" + action);
                body.put("referralId", referralId);
                body.put("caseId", caseId);
                body.put("agency", agency);
                body.put("action", action);
                body.put("occurredAt", Instant.now().toString());
                if ("COMPLETED".equals(action)) {
                    body.put("outcome", "SUPPORT_PROVIDED");
                }
                producerOf(agency).send(new ProducerRecord<>(Topics.agencyResponsesFor(agency, "11"), caseId,
                        JSON.writeValueAsBytes(body))).get(30, TimeUnit.SECONDS);
            }
        }

        @Override
        public void close() {
            producers.values().forEach(producer -> producer.close(Duration.ofSeconds(10)));
        }
    }
}
