package vn.childprotection.platform.intake.adapter.in.web;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the reports intake has in hand: at most {@code slots} at once, at most {@code queue} more waiting for a slot
 * (each at most {@code wait}); anything beyond is refused at once. A refused request has cost nothing: it is answered
 * 503 before its body is read. Under an overload of 500 reports/s, requests that each waited a second for a slot
 * held two thousand connections' buffers and the service died of an OutOfMemoryError; now the memory intake needs is
 * bounded by {@code slots + queue}, whatever the load.
 */
final class Admission {

    private final Semaphore slots;
    private final int slotCount;
    private final int queueLimit;
    private final long waitNanos;
    private final AtomicInteger waiting = new AtomicInteger();

    Admission(int slots, int queue, Duration wait) {
        if (slots < 1) {
            throw new IllegalArgumentException("intake.max-concurrent-reports must be at least 1");
        }
        if (queue < 0) {
            throw new IllegalArgumentException("intake.admission-queue must not be negative");
        }
        this.slots = new Semaphore(slots, true);
        this.slotCount = slots;
        this.queueLimit = queue;
        this.waitNanos = Math.max(0, wait.toNanos());
    }

    /** A slot, to close once the request is answered; empty when the request is refused. */
    Optional<Slot> tryEnter() {
        if (slots.tryAcquire()) {
            return Optional.of(slot());
        }
        if (waitNanos == 0 || waiting.incrementAndGet() > queueLimit) {
            if (waitNanos > 0) {
                waiting.decrementAndGet();
            }
            return Optional.empty();
        }
        try {
            return slots.tryAcquire(waitNanos, TimeUnit.NANOSECONDS) ? Optional.of(slot()) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            waiting.decrementAndGet();
        }
    }

    int available() {
        return slots.availablePermits();
    }

    int inUse() {
        return slotCount - slots.availablePermits();
    }

    int waiting() {
        return waiting.get();
    }

    private Slot slot() {
        return new Slot(slots);
    }

    /** One admitted request; closing it twice frees one slot. */
    static final class Slot implements AutoCloseable {
        private final Semaphore slots;
        private boolean closed;

        private Slot(Semaphore slots) {
            this.slots = slots;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                slots.release();
            }
        }
    }
}
