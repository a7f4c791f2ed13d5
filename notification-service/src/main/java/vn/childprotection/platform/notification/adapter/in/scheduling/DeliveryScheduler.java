package vn.childprotection.platform.notification.adapter.in.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import vn.childprotection.platform.notification.application.NotificationDispatcher;
import vn.childprotection.platform.notification.domain.Notification;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Drives the {@link NotificationDispatcher}: a poller claims due PENDING notifications (as many as there are free
 * workers) and hands each to a bounded pool of workers, so that a slow or failing agency endpoint holds one worker
 * and never the Kafka consumer or the other agencies' notifications. Also repeats outstanding publications of final
 * statuses ({@code notifications.delivered.v1}, {@code notifications.failed.v1}). Stops with the application
 * context; a notification claimed when the process dies is claimed again when its lease runs out.
 */
public final class DeliveryScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryScheduler.class);
    private static final int ANNOUNCE_BATCH = 50;

    private final NotificationDispatcher dispatcher;
    private final Duration pollInterval;
    private final int workerCount;
    private final Semaphore freeWorkers;
    private ScheduledExecutorService poller;
    private ExecutorService workers;
    private volatile boolean running;

    public DeliveryScheduler(NotificationDispatcher dispatcher, Duration pollInterval, int workerCount) {
        if (workerCount < 1) {
            throw new IllegalArgumentException("at least one delivery worker");
        }
        this.dispatcher = dispatcher;
        this.pollInterval = pollInterval;
        this.workerCount = workerCount;
        this.freeWorkers = new Semaphore(workerCount);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("notification-poller").factory());
        workers = Executors.newFixedThreadPool(workerCount,
                Thread.ofPlatform().name("notification-delivery-", 0).factory());
        poller.scheduleWithFixedDelay(this::poll, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        poller.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    void poll() {
        try {
            dispatcher.announceFinals(ANNOUNCE_BATCH);
            while (running && freeWorkers.tryAcquire()) {
                Optional<Notification> claimed = dispatcher.claimNext();
                if (claimed.isEmpty()) {
                    freeWorkers.release();
                    return;
                }
                workers.execute(() -> deliver(claimed.get()));
            }
        } catch (RuntimeException e) {
            // the store may be away for a moment: the next poll tries again
            log.warn("notification dispatch poll failed: {}", e.getClass().getSimpleName());
        }
    }

    private void deliver(Notification claimed) {
        try {
            Notification after = dispatcher.deliver(claimed);
            log.info("notification {} {} after {} attempt(s) (channel {}, case {})", after.notificationId(),
                    after.status(), after.attempts(), after.channel(), after.caseId());
        } catch (RuntimeException e) {
            log.warn("delivery of notification {} stopped: {}; offered again when its lease runs out",
                    claimed.notificationId(), e.getClass().getSimpleName());
        } finally {
            freeWorkers.release();
        }
    }
}
