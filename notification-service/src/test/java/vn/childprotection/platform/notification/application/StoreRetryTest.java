package vn.childprotection.platform.notification.application;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.notification.fixtures.MutableClock;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreRetryTest {

    private static final Instant NOW = Instant.parse("2025-03-10T02:16:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final Fakes.ClockSleeper sleeper = new Fakes.ClockSleeper(clock);
    private final StoreRetry retry = new StoreRetry(new StoreRetry.Policy(Duration.ofMillis(100), 3.0,
            Duration.ofSeconds(1), Duration.ofSeconds(10)), clock, sleeper);

    private Runnable failing(int times) {
        int[] left = {times};
        return () -> {
            if (left[0]-- > 0) {
                throw new IllegalStateException("store away");
            }
        };
    }

    @Test
    void aWriteThatSucceedsAtOnceIsNotRepeated() {
        assertThat(retry.run(failing(0), NOW.plusSeconds(60), "x")).isEqualTo(1);
        assertThat(sleeper.pauses).isEmpty();
    }

    @Test
    void theBackOffGrowsByTheMultiplierUpToTheMaximum() {
        assertThat(retry.run(failing(4), NOW.plusSeconds(60), "x")).isEqualTo(5);
        assertThat(sleeper.pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(300),
                Duration.ofMillis(900), Duration.ofSeconds(1));
    }

    @Test
    void noRetryStartsAfterTheLeaseMinusTheMargin() {
        Instant leaseUntil = NOW.plusSeconds(15); // 5 s of room

        assertThatThrownBy(() -> retry.run(failing(Integer.MAX_VALUE), leaseUntil, "x"))
                .isInstanceOf(StoreRetry.GaveUp.class);

        assertThat(clock.instant()).isBeforeOrEqualTo(leaseUntil.minusSeconds(10));
        assertThat(sleeper.pauses.stream().mapToLong(Duration::toMillis).sum()).isGreaterThan(4_000);
    }

    @Test
    void aLeaseShorterThanTheMarginAllowsOneAttemptOnly() {
        assertThatThrownBy(() -> retry.run(failing(1), NOW.plusSeconds(5), "x"))
                .isInstanceOfSatisfying(StoreRetry.GaveUp.class, e -> assertThat(e.attempts()).isEqualTo(1));
        assertThat(sleeper.pauses).isEmpty();
    }
}
