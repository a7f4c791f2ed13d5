package vn.childprotection.platform.audit.adapter.in.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import vn.childprotection.platform.audit.application.Retention;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the retention purge ({@link Retention}) every {@code interval}, the first time {@code initialDelay} after the
 * start. A run that fails (the store away) is logged and the next one tries again; a purge interrupted halfway is
 * finished by the next run.
 */
public final class RetentionScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionScheduler.class);

    private final Retention retention;
    private final Duration initialDelay;
    private final Duration interval;
    private ScheduledExecutorService executor;
    private volatile boolean running;

    public RetentionScheduler(Retention retention, Duration initialDelay, Duration interval) {
        if (interval.isNegative() || interval.isZero() || initialDelay.isNegative()) {
            throw new IllegalArgumentException("a positive interval and a delay of 0 or more");
        }
        this.retention = retention;
        this.initialDelay = initialDelay;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("audit-retention")
                .daemon(true).factory());
        executor.scheduleWithFixedDelay(this::purge, initialDelay.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        running = true;
    }

    void purge() {
        try {
            Retention.Result result = retention.purge();
            if (result.records() > 0) {
                log.info("Retention ({}) purged {} audit records from {} chains", retention.retention(),
                        result.records(), result.producers());
            }
        } catch (RuntimeException e) {
            log.warn("Retention purge failed, the next run tries again: {}", e.getClass().getName());
        }
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        executor.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
