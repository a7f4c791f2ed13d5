package vn.childprotection.platform.testsupport.browser;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the browser tests, before any Spring context starts, where Debian's chromium and chromium-driver are not
 * installed (.ci/run installs them with apt-get where it can).
 */
public final class ChromiumInstalled implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return HeadlessChromium.installed()
                ? ConditionEvaluationResult.enabled("headless chromium at " + HeadlessChromium.BINARY)
                : ConditionEvaluationResult.disabled("no headless browser: install Debian's chromium and "
                + "chromium-driver (" + HeadlessChromium.BINARY + ", " + HeadlessChromium.DRIVER + ")");
    }
}
