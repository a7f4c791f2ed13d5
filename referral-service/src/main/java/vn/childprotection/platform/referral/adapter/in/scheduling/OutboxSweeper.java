package vn.childprotection.platform.referral.adapter.in.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import vn.childprotection.platform.referral.application.port.in.RelayOutboxUseCase;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the outbox sweep at a fixed delay ({@code referral.outbox.sweep-interval}, default 1 s): publishes what a
 * crash or a broker outage left pending. Starts last and stops first with the application context.
 */
public final class OutboxSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxSweeper.class);

    private final RelayOutboxUseCase relay;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public OutboxSweeper(RelayOutboxUseCase relay, Duration interval) {
        this.relay = relay;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-sweep");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::sweep, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void sweep() {
        try {
            int completed = relay.sweep();
            if (completed > 0) {
                log.info("outbox sweep published the pending messages of {} case(s)", completed);
            }
        } catch (RuntimeException e) {
            log.warn("outbox sweep failed ({}); next attempt in {}", e.getClass().getSimpleName(), interval);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
