package vn.childprotection.platform.referral.adapter.in.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import vn.childprotection.platform.referral.application.port.in.WatchDeadlinesUseCase;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the deadline watchdog at a fixed delay ({@code referral.watchdog.interval}). The pass itself takes the job's
 * lease, so with several instances only one works at a time. Starts last and stops first with the context.
 */
public final class DeadlineWatchdog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatchdog.class);

    private final WatchDeadlinesUseCase watchdog;
    private final Duration interval;
    private final boolean enabled;
    private ScheduledExecutorService executor;

    public DeadlineWatchdog(WatchDeadlinesUseCase watchdog, Duration interval, boolean enabled) {
        this.watchdog = watchdog;
        this.interval = interval;
        this.enabled = enabled;
    }

    @Override
    public synchronized void start() {
        if (!enabled || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "deadline-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::pass, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void pass() {
        try {
            int raised = watchdog.runOnce();
            if (raised > 0) {
                log.info("deadline watchdog raised {} overdue notice(s)", raised);
            }
        } catch (RuntimeException e) {
            log.warn("deadline watchdog pass failed ({}); next attempt in {}", e.getClass().getSimpleName(), interval);
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
