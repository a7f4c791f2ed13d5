package vn.childprotection.platform.referral.adapter.in.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Runs one background pass at a fixed delay on its own daemon thread: the outbox sweep
 * ({@code referral.outbox.sweep-interval}: publishes what a crash or a broker outage left pending) and the deadline
 * watchdog ({@code referral.watchdog.interval}; the pass takes the job's lease, so with several instances only one
 * works at a time). A failed pass is logged and tried again at the next tick. Starts last and stops first with the
 * application context.
 */
public final class PeriodicJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicJob.class);

    private final String name;
    private final IntSupplier pass;
    private final String doneMessage;
    private final Duration interval;
    private final boolean enabled;
    private ScheduledExecutorService executor;

    /**
     * @param name        thread name and log prefix, e.g. {@code outbox-sweep}
     * @param pass        one pass; returns how many things it did
     * @param doneMessage logged (with the count as {@code {}}) when a pass did something
     */
    public PeriodicJob(String name, IntSupplier pass, String doneMessage, Duration interval, boolean enabled) {
        this.name = name;
        this.pass = pass;
        this.doneMessage = doneMessage;
        this.interval = interval;
        this.enabled = enabled;
    }

    @Override
    public synchronized void start() {
        if (!enabled || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void runOnce() {
        try {
            int done = pass.getAsInt();
            if (done > 0) {
                log.info(doneMessage, done);
            }
        } catch (RuntimeException e) {
            log.warn("{} pass failed ({}); next attempt in {}", name, e.getClass().getSimpleName(), interval);
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
