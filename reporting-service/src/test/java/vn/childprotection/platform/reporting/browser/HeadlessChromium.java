package vn.childprotection.platform.reporting.browser;

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
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

/**
 * Debian's headless Chromium driven through Debian's chromedriver: no browser or driver is downloaded (Selenium
 * Manager is never asked, since both paths are given). Paths can be overridden with the system properties
 * {@code chromium.binary} and {@code webdriver.chrome.driver}.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path BINARY = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));

    /** Every element carrying a data-testid, with its data-value (numbers as the page holds them) and text. */
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
    final ChromeDriver driver;

    private HeadlessChromium(ChromeDriverService service, ChromeDriver driver) {
        this.service = service;
        this.driver = driver;
    }

    static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    }

    static HeadlessChromium start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-extensions", "--disable-sync", "--no-first-run",
                "--disable-component-update", "--hide-scrollbars", "--window-size=1366,900", "--lang=vi-VN",
                // nothing may leave the machine: any host but the service's loopback address fails to resolve
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
    void sendWithEveryRequest(String header, String value) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of(header, value)));
    }

    void open(String url) {
        driver.get(url);
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, String>> figures() {
        return (Map<String, Map<String, String>>) script(SNAPSHOT);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** The console's warnings and errors since the last call. */
    List<LogEntry> consoleProblems() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue()).toList();
    }

    /** Every URL the page fetched: the document, scripts, styles, fetch() calls. */
    @SuppressWarnings("unchecked")
    List<String> requestedUrls() {
        return (List<String>) script("""
                return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                    .map((entry) => entry.name);
                """);
    }

    /** A screenshot of the whole page: the window is stretched to the document's height first. */
    void screenshot(Path target) throws IOException {
        Dimension before = driver.manage().window().getSize();
        long height = ((Number) script("return Math.ceil(document.documentElement.scrollHeight)")).longValue();
        driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 40, 12_000)));
        try {
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
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
