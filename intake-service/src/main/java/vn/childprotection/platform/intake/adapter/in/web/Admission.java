package vn.childprotection.platform.intake.adapter.in.web;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how many reports intake handles at once (issue 6: under an overload of 500 reports/s, unbounded virtual
 * threads held thousands of bodies and store/broker waits and the service died of an OutOfMemoryError). A request
 * waits at most {@code wait} for a slot and is otherwise answered 503 with Retry-After before its body is read:
 * the hotline system keeps the report and sends it again, and intake stays up and answers.
 */
final class Admission {

    private final Semaphore slots;
    private final long waitNanos;

    Admission(int maxConcurrent, Duration wait) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("intake.max-concurrent-reports must be at least 1");
        }
        this.slots = new Semaphore(maxConcurrent, true);
        this.waitNanos = Math.max(0, wait.toNanos());
    }

    /** A slot, to close when the request is answered; throws 503 when none frees up in time. */
    Slot enter() {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new IntakeUnavailableException("intake is at capacity");
        }
        return slots::release;
    }

    int available() {
        return slots.availablePermits();
    }

    interface Slot extends AutoCloseable {
        @Override
        void close();
    }
}
