package vn.childprotection.platform.support.messaging;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumersHealthIndicatorTest {

    private final ConsumerProgress progress = new ConsumerProgress(Clock.systemUTC(), Duration.ofMinutes(5));
    private final ConsumersHealthIndicator health = new ConsumersHealthIndicator(progress, () -> List.of(
            new ConsumersHealthIndicator.Declared("onAgencyResponse-in-0", "agency\\.responses\\..*", "referral-service"),
            new ConsumersHealthIndicator.Declared("onReport-in-0", "intake.reports.v1", "referral-service")));

    @Test
    void aDeclaredConsumerTheBinderHasNotBoundMakesTheServiceDownAndIsNamed() {
        progress.bound("intake.reports.v1", "referral-service");

        Health answer = health.health(true);

        assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
        assertThat(answer.getDetails().get("unbound").toString()).contains("onAgencyResponse-in-0")
                .doesNotContain("onReport-in-0");
    }

    @Test
    void onceEveryDeclaredConsumerIsBoundTheServiceIsUp() {
        progress.bound("intake.reports.v1", "referral-service");
        progress.bound("agency\\.responses\\..*", "referral-service");

        assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
    }
}
