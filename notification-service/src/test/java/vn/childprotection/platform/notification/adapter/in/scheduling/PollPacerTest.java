package vn.childprotection.platform.notification.adapter.in.scheduling;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PollPacerTest {

    private final PollPacer pacer = new PollPacer(Duration.ofMillis(500), Duration.ofSeconds(2));

    @Test
    void emptyLooksDoubleThePauseUpToTheIdleInterval() {
        assertThat(pacer.afterLook(false)).isEqualTo(1000);
        assertThat(pacer.afterLook(false)).isEqualTo(2000);
        assertThat(pacer.afterLook(false)).isEqualTo(2000);
    }

    @Test
    void aLookThatFindsWorkReturnsToTheBusyPace() {
        pacer.afterLook(false);
        pacer.afterLook(false);

        assertThat(pacer.afterLook(true)).isEqualTo(500);
    }

    @Test
    void aWakeUpAfterAnIdlePauseLooksAtOnce() {
        pacer.afterLook(false);
        pacer.afterLook(false);

        assertThat(pacer.wokenUp(1200)).isZero();
        assertThat(pacer.currentPauseMillis()).isEqualTo(500);
        assertThat(pacer.afterLook(false)).as("then backs off again from the busy pace").isEqualTo(1000);
    }

    @Test
    void wakeUpsNeverLookMoreOftenThanTheBusyPace() {
        assertThat(pacer.wokenUp(100)).isEqualTo(400);
        assertThat(pacer.wokenUp(499)).isEqualTo(1);
        assertThat(pacer.wokenUp(500)).isZero();
    }

    @Test
    void anIdleIntervalShorterThanThePollIntervalMeansAFixedPace() {
        PollPacer fixed = new PollPacer(Duration.ofMillis(500), Duration.ofMillis(100));

        assertThat(fixed.afterLook(false)).isEqualTo(500);
        assertThat(fixed.afterLook(false)).isEqualTo(500);
    }
}
