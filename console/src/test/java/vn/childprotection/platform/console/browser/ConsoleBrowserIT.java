package vn.childprotection.platform.console.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.childprotection.platform.console.fixtures.StubReporting;
import vn.childprotection.platform.testsupport.browser.Axe;
import vn.childprotection.platform.testsupport.browser.ChromiumInstalled;
import vn.childprotection.platform.testsupport.browser.HeadlessChromium;
import vn.childprotection.platform.testsupport.identity.TestActor;
import vn.childprotection.platform.testsupport.identity.TestIssuer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console in headless Chromium, as a person uses it: signed in through the provider's authorization endpoint
 * (the in-test issuer: no login form, PKCE checked), the who-am-I page in Vietnamese, then in English, both clean
 * under axe-core; the dashboard behind the console, its API calls relayed with the person's token to a stand-in of
 * reporting-service and its live updates coming through; sign-out ending the session at the console and the
 * provider. Nothing is loaded from anywhere but the console, and nothing is kept in the browser's storage.
 */
@ExtendWith(ChromiumInstalled.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final TestActor ANALYST = TestActor.ANALYST_11;
    private static final StubReporting reporting = StubReporting.start(TestIssuer.shared().issuerUri());
    private static HeadlessChromium browser;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("console.identity.issuer-uri", () -> TestIssuer.shared().issuerUri());
        registry.add("console.identity.client-secret", () -> "browser-it-secret");
        registry.add("console.reporting.url", reporting::url);
    }

    @BeforeAll
    static void startBrowser() {
        // ChromiumInstalled has already skipped the class where the browser is missing; this guards a partial install
        assumeTrue(HeadlessChromium.installed(), "no headless browser at " + HeadlessChromium.BINARY);
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        browser = null;
        reporting.close();
    }

    @Test
    void a_person_signs_in_sees_who_they_are_in_both_languages_opens_the_dashboard_and_signs_out() throws Exception {
        String base = "http://127.0.0.1:" + port;
        TestIssuer.shared().nextLogin(ANALYST);

        // signing in: the console's sign-in page, then the provider, then back
        browser.open(base + "/");
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(base + "/login");
        assertThat(Axe.violations(browser)).as("axe on the sign-in page").isEqualTo("[]");
        browser.driver.findElement(By.cssSelector("[data-testid=login]")).click();
        awaitAddress(base + "/");

        // who am I, in Vietnamese
        assertThat(lang()).isEqualTo("vi");
        assertThat(text("greeting")).isEqualTo("Xin chào, " + ANALYST.username());
        assertThat(text("username")).isEqualTo(ANALYST.username());
        assertThat(text("roles")).isEqualTo("Cán bộ phân tích số liệu");
        assertThat(text("provinces")).isEqualTo("Điện Biên (11)");
        assertThat(texts("[data-testid=operations] li"))
                .containsExactly("Xem số liệu thống kê", "Tải số liệu và báo cáo định kỳ");
        assertThat(Axe.violations(browser)).as("axe on the home page in Vietnamese").isEqualTo("[]");
        browser.screenshot(Path.of("target", "console-home.png"));

        // the session stays on the server: an HttpOnly, SameSite cookie; no token, code or name in the address
        Cookie session = browser.driver.manage().getCookieNamed("cprp-console-session");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat((String) browser.script("return document.cookie")).doesNotContain("cprp-console-session");

        // in English, remembered
        browser.driver.findElement(By.cssSelector("[data-testid=lang-en]")).click();
        await().atMost(PATIENCE).until(() -> "en".equals(lang()));
        assertThat(text("greeting")).isEqualTo("Hello, " + ANALYST.username());
        assertThat(texts("[data-testid=operations] li")).containsExactly("Read the figures",
                "Export figures and periodic reports");
        assertThat(Axe.violations(browser)).as("axe on the home page in English").isEqualTo("[]");
        assertThat(browser.driver.manage().getCookieNamed("cprp-lang").getValue()).isEqualTo("en");

        // the dashboard behind the console: same language, figures relayed with the analyst's token, live
        browser.consoleProblems(); // drop what earlier pages logged
        browser.driver.findElement(By.cssSelector("[data-testid=open-dashboard]")).click();
        await().atMost(PATIENCE)
                .until(() -> "true".equals(browser.script("return document.body.dataset.ready || null")));
        assertThat(browser.driver.getCurrentUrl()).startsWith(base + "/dashboard/");
        assertThat(browser.driver.getTitle()).isEqualTo("Child protection dashboard");
        await().atMost(PATIENCE).until(() -> String.valueOf(reporting.reports()).equals(figure("kpi-reports")));
        assertThat(reporting.seen()).isNotEmpty().allSatisfy(seen -> {
            assertThat(seen.subject()).as("every call carries the analyst's token").isEqualTo(ANALYST.subject());
            assertThat(seen.header("Cookie")).isNull();
        });
        assertThat(panelState("panel-overdue")).as("reporting-service refuses an analyst the overdue referrals")
                .isEqualTo("forbidden");
        await().atMost(PATIENCE).until(() -> "sse".equals(browser.script("return document.body.dataset.live")));
        reporting.reports(9);
        reporting.publish("projection-changed", "{}");
        await().atMost(PATIENCE).until(() -> "9".equals(figure("kpi-reports")));
        browser.screenshot(Path.of("target", "console-dashboard.png"));

        assertThat(browser.requestedUrls()).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(base + "/"))
                .anySatisfy(url -> assertThat(url).startsWith(base + "/dashboard/webjars/chart.js/"));
        assertThat(browser.script("return typeof window.Chart")).as("Chart.js ran under the CSP").isEqualTo("function");
        assertThat(browser.consoleProblems()).as("console warnings and errors but the refused views")
                .allSatisfy(problem -> assertThat(problem).contains("403"));
        assertThat(browser.storedEntries()).as("nothing in localStorage or sessionStorage").isZero();
        assertThat(Axe.violations(browser)).as("axe on the dashboard").isEqualTo("[]");

        // home again, back to Vietnamese, sign out
        browser.driver.findElement(By.cssSelector("[data-testid=home-link]")).click();
        awaitAddress(base + "/");
        browser.driver.findElement(By.cssSelector("[data-testid=lang-vi]")).click();
        await().atMost(PATIENCE).until(() -> "vi".equals(lang()));
        browser.driver.findElement(By.cssSelector("[data-testid=logout]")).click();
        awaitAddress(base + "/signed-out");
        assertThat(text("signed-out")).isEqualTo("Bạn đã đăng xuất");
        assertThat(Axe.violations(browser)).as("axe on the signed-out page").isEqualTo("[]");

        // the session has ended: the API refuses, the home page asks to sign in again
        Object status = browser.script("""
                return fetch('/dashboard/api/v1/stats/overview', {headers: {Accept: 'application/json'}})
                    .then((response) => response.status);""");
        assertThat(((Number) status).intValue()).isEqualTo(401);
        browser.open(base + "/");
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(base + "/login");
    }

    private void awaitAddress(String url) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(browser.driver.getCurrentUrl()).isEqualTo(url));
    }

    private String lang() {
        return (String) browser.script("return document.documentElement.lang");
    }

    private String text(String testId) {
        return browser.driver.findElement(By.cssSelector("[data-testid='" + testId + "']")).getText().trim();
    }

    private List<String> texts(String selector) {
        return browser.driver.findElements(By.cssSelector(selector)).stream().map(e -> e.getText().trim()).toList();
    }

    private String figure(String testId) {
        return (String) browser.script("const e = document.querySelector(`[data-testid='${arguments[0]}']`);"
                + "return e ? e.dataset.value || null : null;", testId);
    }

    private String panelState(String testId) {
        return (String) browser.script("return document.querySelector(`[data-testid='${arguments[0]}']`).dataset.state",
                testId);
    }
}
