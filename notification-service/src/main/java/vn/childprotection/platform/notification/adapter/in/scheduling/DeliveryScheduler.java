package vn.childprotection.platform.notification.adapter.in.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import vn.childprotection.platform.notification.application.port.in.DeliverNotificationsUseCase;
import vn.childprotection.platform.notification.application.port.in.DeliverNotificationsUseCase.Claim;
import vn.childprotection.platform.notification.domain.Notification;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Drives the delivery use case: a poller claims due PENDING notifications (as many as there are free workers) and
 * hands each to a bounded pool of workers, so that a slow or failing agency endpoint holds one worker and never the
 * Kafka consumer or the other agencies' notifications. Every look first repeats outstanding publications of final
 * statuses ({@code notifications.delivered.v1}, {@code notifications.failed.v1}). Stops with the application
 * context; a notification claimed when the process dies is claimed again when its lease runs out.
 *
 * <p>Pace ({@link PollPacer}): while there is work it looks every {@code pollInterval}; a look that finds nothing
 * doubles the pause up to {@code idlePollInterval}, and {@link #wakeUp()} (called when a consumed event may have
 * recorded notifications) brings the next look forward — at once when the poller was idle, never more often than
 * {@code pollInterval}. Each look queries the store: on the local stand-in, which scans the whole collection for it,
 * a fixed 500 ms poll kept the store at 100 % CPU with the platform idle. Deferred notifications and outstanding
 * publications are still found by the idle looks (at most {@code idlePollInterval} late).
 */
public final class DeliveryScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryScheduler.class);
    private static final int ANNOUNCE_BATCH = 50;

    private final DeliverNotificationsUseCase dispatcher;
    private final int workerCount;
    private final Semaphore freeWorkers;
    private final PollPacer pacer;
    private final LongSupplier nanoTime;
    private ScheduledExecutorService poller;
    private ExecutorService workers;
    private volatile boolean running;
    // guarded by this
    private ScheduledFuture<?> next;
    private boolean looking;
    private boolean wokenWhileLooking;
    private long lastLookEndedNanos;

    public DeliveryScheduler(DeliverNotificationsUseCase dispatcher, Duration pollInterval, int workerCount) {
        this(dispatcher, pollInterval, pollInterval, workerCount);
    }

    public DeliveryScheduler(DeliverNotificationsUseCase dispatcher, Duration pollInterval, Duration idlePollInterval,
                             int workerCount) {
        this(dispatcher, pollInterval, idlePollInterval, workerCount, System::nanoTime);
    }

    DeliveryScheduler(DeliverNotificationsUseCase dispatcher, Duration pollInterval, Duration idlePollInterval,
                      int workerCount, LongSupplier nanoTime) {
        if (workerCount < 1) {
            throw new IllegalArgumentException("at least one delivery worker");
        }
        this.dispatcher = dispatcher;
        this.workerCount = workerCount;
        this.freeWorkers = new Semaphore(workerCount);
        this.pacer = new PollPacer(pollInterval, idlePollInterval);
        this.nanoTime = nanoTime;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("notification-poller").factory());
        workers = Executors.newFixedThreadPool(workerCount,
                Thread.ofPlatform().name("notification-delivery-", 0).factory());
        running = true;
        lastLookEndedNanos = nanoTime.getAsLong();
        next = poller.schedule(this::lookAndReschedule, 0, TimeUnit.MILLISECONDS);
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

    /** Work may have arrived (a consumed event recorded notifications): look soon, and at the busy pace again. */
    public synchronized void wakeUp() {
        if (!running) {
            return;
        }
        if (looking) {
            wokenWhileLooking = true; // the look under way may have missed it: the next one follows at the busy pace
            pacer.wokenUp(0);
            return;
        }
        long delay = pacer.wokenUp(TimeUnit.NANOSECONDS.toMillis(nanoTime.getAsLong() - lastLookEndedNanos));
        if (next != null && next.getDelay(TimeUnit.MILLISECONDS) > delay && next.cancel(false)) {
            next = poller.schedule(this::lookAndReschedule, delay, TimeUnit.MILLISECONDS);
        }
    }

    /** The pause the poller waits after an empty look now (for tests and diagnostics). */
    synchronized long currentPauseMillis() {
        return pacer.currentPauseMillis();
    }

    private void lookAndReschedule() {
        synchronized (this) {
            looking = true;
            wokenWhileLooking = false;
        }
        boolean found = false;
        try {
            found = poll();
        } finally {
            synchronized (this) {
                looking = false;
                lastLookEndedNanos = nanoTime.getAsLong();
                if (running) {
                    long pause = pacer.afterLook(found || wokenWhileLooking);
                    next = poller.schedule(this::lookAndReschedule, pause, TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    /** @return whether this look found anything to deliver or to announce */
    boolean poll() {
        boolean found = false;
        try {
            found = dispatcher.announceFinals(ANNOUNCE_BATCH) > 0;
            while (running && freeWorkers.tryAcquire()) {
                Optional<Claim> claimed;
                try {
                    claimed = dispatcher.claimNext();
                } catch (RuntimeException e) {
                    freeWorkers.release();
                    throw e;
                }
                if (claimed.isEmpty()) {
                    freeWorkers.release();
                    return found;
                }
                found = true;
                workers.execute(() -> deliver(claimed.get()));
            }
            // every worker is busy: there is work
            return running;
        } catch (RuntimeException e) {
            // the store may be away for a moment: the next look tries again
            log.warn("notification dispatch poll failed: {}", e.getClass().getSimpleName());
            return found;
        }
    }

    private void deliver(Claim claim) {
        try {
            Notification after = dispatcher.deliver(claim);
            log.info("notification {} {} after {} attempt(s) (channel {}, case {})", after.notificationId(),
                    after.status(), after.attempts(), after.channel(), after.caseId());
        } catch (RuntimeException e) {
            log.warn("delivery of notification {} stopped: {}; offered again when its lease runs out ({})",
                    claim.notification().notificationId(), e.getClass().getSimpleName(), claim.leaseUntil());
        } finally {
            freeWorkers.release();
        }
    }
}
