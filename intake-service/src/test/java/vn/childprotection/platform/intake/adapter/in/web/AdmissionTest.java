package vn.childprotection.platform.intake.adapter.in.web;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdmissionTest {

    @Test
    void beyond_its_slots_a_request_is_refused_as_unavailable_after_the_wait_and_a_freed_slot_is_reused() {
        Admission admission = new Admission(2, Duration.ofMillis(20));
        Admission.Slot first = admission.enter();
        Admission.Slot second = admission.enter();

        long started = System.nanoTime();
        assertThatThrownBy(admission::enter).isInstanceOf(IntakeUnavailableException.class)
                .hasMessage("intake is at capacity");
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(Duration.ofMillis(20).toNanos());

        first.close();
        try (Admission.Slot third = admission.enter()) {
            assertThat(admission.available()).isZero();
        }
        second.close();
        assertThat(admission.available()).isEqualTo(2);
    }

    @Test
    void at_least_one_slot_is_required() {
        assertThatThrownBy(() -> new Admission(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
