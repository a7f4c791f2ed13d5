package vn.childprotection.platform.notification.adapter.in.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import vn.childprotection.platform.notification.application.InformantContactRetentionService;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the informant contacts' retention pass every {@code notification.informant-contact.interval} on its own daemon
 * thread; a failed pass is logged (its type only) and tried at the next tick.
 */
public final class InformantContactRetentionJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InformantContactRetentionJob.class);

    private final InformantContactRetentionService retention;
    private final Duration interval;
    private final boolean enabled;
    private ScheduledExecutorService executor;

    public InformantContactRetentionJob(InformantContactRetentionService retention, Duration interval,
                                        boolean enabled) {
        this.retention = retention;
        this.interval = interval;
        this.enabled = enabled;
    }

    @Override
    public synchronized void start() {
        if (!enabled || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "informant-contact-retention");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runOnce, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void runOnce() {
        try {
            int erased = retention.runOnce();
            if (erased > 0) {
                log.info("informant contact retention erased {} phone(s) kept past the limit", erased);
            }
        } catch (RuntimeException e) {
            log.warn("informant contact retention pass failed ({}); next attempt in {}", e.getClass().getSimpleName(),
                    interval);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
