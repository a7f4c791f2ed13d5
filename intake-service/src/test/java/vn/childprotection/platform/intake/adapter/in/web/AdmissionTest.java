package vn.childprotection.platform.intake.adapter.in.web;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class AdmissionTest {

    @Test
    void beyond_its_slots_and_without_a_queue_a_request_is_refused_at_once_and_a_freed_slot_is_reused() {
        Admission admission = new Admission(2, 0, Duration.ZERO);
        Admission.Slot first = admission.tryEnter().orElseThrow();
        Admission.Slot second = admission.tryEnter().orElseThrow();

        assertThat(admission.tryEnter()).isEmpty();

        first.close();
        first.close(); // a second close frees nothing more
        try (Admission.Slot third = admission.tryEnter().orElseThrow()) {
            assertThat(admission.available()).isZero();
        }
        second.close();
        assertThat(admission.available()).isEqualTo(2);
        assertThat(admission.inUse()).isZero();
    }

    @Test
    void a_waiting_request_gets_the_slot_freed_while_it_waits() throws Exception {
        Admission admission = new Admission(1, 1, Duration.ofMinutes(1));
        Admission.Slot held = admission.tryEnter().orElseThrow();
        AtomicReference<Optional<Admission.Slot>> waited = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> {
            waited.set(admission.tryEnter());
            done.countDown();
        });
        await().until(() -> admission.waiting() == 1);

        held.close();
        done.await();

        assertThat(waited.get()).isPresent();
        assertThat(admission.waiting()).isZero();
    }

    @Test
    void when_the_queue_is_full_a_further_request_is_refused_without_waiting() throws Exception {
        Admission admission = new Admission(1, 1, Duration.ofMinutes(1));
        Admission.Slot held = admission.tryEnter().orElseThrow();
        Thread waiter = Thread.ofVirtual().start(admission::tryEnter);
        await().until(() -> admission.waiting() == 1);

        // the slot is held and the queue is full: refused although the wait is a minute
        assertThat(admission.tryEnter()).isEmpty();
        assertThat(admission.waiting()).isEqualTo(1);

        held.close();
        waiter.join();
    }

    @Test
    void at_least_one_slot_and_no_negative_queue_are_required() {
        assertThatThrownBy(() -> new Admission(0, 0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Admission(1, -1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
