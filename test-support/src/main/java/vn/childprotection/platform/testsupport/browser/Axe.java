package vn.childprotection.platform.testsupport.browser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * axe-core's accessibility rules (WCAG 2.0, 2.1 and 2.2 A and AA, and axe's best practices) run in the page. The
 * script is axe.min.js from the test classpath, handed to the page through WebDriver: nothing is fetched, and the
 * page's Content-Security-Policy stays as strict as it is.
 */
public final class Axe {

    private static final String SOURCE = load();
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {
              runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
              resultTypes: ['violations'],
            }).then((results) => done(JSON.stringify(results.violations.map((violation) => ({
              rule: violation.id,
              impact: violation.impact,
              help: violation.help,
              nodes: violation.nodes.map((node) => node.target.join(' ')),
            })))), (error) => done('axe failed: ' + error));
            """;

    private Axe() {
    }

    /** The violations on the page as JSON: {@code []} when there are none. */
    public static String violations(HeadlessChromium browser) {
        browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        browser.script(SOURCE);
        return (String) browser.driver.executeAsyncScript(RUN);
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
