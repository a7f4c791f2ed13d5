package vn.childprotection.platform.testsupport.browser;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

/**
 * Debian's headless Chromium driven through Debian's chromedriver: no browser or driver is downloaded (Selenium
 * Manager is never asked, since both paths are given). Paths can be overridden with the system properties
 * {@code chromium.binary} and {@code webdriver.chrome.driver}. Nothing leaves the machine: every host but the
 * loopback address fails to resolve.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path BINARY = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));

    private static final String SNAPSHOT = """
            const figures = {};
            document.querySelectorAll('[data-testid]').forEach((element) => {
              figures[element.dataset.testid] = {
                value: element.dataset.value === undefined ? null : element.dataset.value,
                text: element.textContent.trim(),
                state: element.dataset.state === undefined ? null : element.dataset.state,
              };
            });
            return figures;
            """;

    private final ChromeDriverService service;
    public final ChromeDriver driver;

    private HeadlessChromium(ChromeDriverService service, ChromeDriver driver) {
        this.service = service;
        this.driver = driver;
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    }

    public static HeadlessChromium start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-extensions", "--disable-sync", "--no-first-run",
                "--disable-component-update", "--hide-scrollbars", "--window-size=1366,900", "--lang=vi-VN",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        return new HeadlessChromium(service, new ChromeDriver(service, options));
    }

    /**
     * Adds a header to every request the browser sends from now on (the page, its scripts, fetch() and EventSource),
     * through Chrome DevTools: how a test gives the page a bearer token that a relay would add.
     */
    public void sendWithEveryRequest(String header, String value) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of(header, value)));
    }

    public void open(String url) {
        driver.get(url);
    }

    /**
     * Every element carrying a {@code data-testid}: its {@code data-value} (numbers as the page holds them), its text
     * and its {@code data-state}, by test id.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Map<String, String>> figures() {
        return (Map<String, Map<String, String>>) script(SNAPSHOT);
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** The console's warnings and errors since the last call. */
    public List<String> consoleProblems() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** Every URL the page fetched: the document, scripts, styles, fetch() calls. */
    @SuppressWarnings("unchecked")
    public List<String> requestedUrls() {
        return (List<String>) script("""
                return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                    .map((entry) => entry.name);
                """);
    }

    /** What the page keeps in the browser's storage (entries of localStorage and sessionStorage). */
    public long storedEntries() {
        return ((Number) script("return localStorage.length + sessionStorage.length")).longValue();
    }

    /** A screenshot of the whole page: the window is stretched to the document's height first. */
    public void screenshot(Path target) throws IOException {
        Dimension before = driver.manage().window().getSize();
        long height = ((Number) script("return Math.ceil(document.documentElement.scrollHeight)")).longValue();
        driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 40, 12_000)));
        try {
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
