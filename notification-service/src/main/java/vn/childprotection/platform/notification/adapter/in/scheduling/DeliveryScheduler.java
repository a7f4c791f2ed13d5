package vn.childprotection.platform.notification.adapter.in.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import vn.childprotection.platform.notification.application.port.in.DeliverNotificationsUseCase;
import vn.childprotection.platform.notification.application.port.in.DeliverNotificationsUseCase.Claim;
import vn.childprotection.platform.notification.application.port.out.DeliveryHandOff;
import vn.childprotection.platform.notification.domain.Notification;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives the delivery use case with a bounded pool of workers, so that a slow or failing agency endpoint holds one
 * worker and never the Kafka consumer or the other agencies' notifications (S0 Art 7.2, 8.4).
 *
 * <p><b>Hot path — hand-off, no scan.</b> The consumer hands each notification it stored to a bounded queue
 * ({@link DeliveryHandOff}): an outbound PENDING one by id — a free worker claims it by id (find-and-modify on
 * {@code _id}, status PENDING and a free lease: served by the {@code _id} index), delivers it, stores the outcome and
 * announces it —, a final one (delivered by being recorded, or failed for want of a recipient) to be published.
 * When the queue is full (or the scheduler is stopped) the hand-off is refused and the notification waits for the
 * poll; a hand-off of a notification another worker or instance claimed meanwhile does nothing.
 *
 * <p><b>Poll — the safety net, at a steady pace.</b> Every {@code pollInterval} the poller repeats outstanding
 * publications of final statuses (the outbox relay) and queues the ids of the due PENDING notifications — retries,
 * deferrals, deliveries a crash or a store outage interrupted, hand-offs the full queue refused — as many as the
 * queue has room for, from one query. Each look scans the store on the local stand-in (it has no secondary
 * indexes), so it is not woken by consumed events: the hand-off replaced that.
 *
 * <p>Stops with the application context; a notification claimed when the process dies is claimed again when its
 * lease runs out, one queued but not yet claimed is found by the next poll (of this or another instance).
 */
public final class DeliveryScheduler implements SmartLifecycle, DeliveryHandOff {

    private static final Logger log = LoggerFactory.getLogger(DeliveryScheduler.class);
    /** Final statuses published per relay batch; a full batch is followed by another in the same look. */
    static final int ANNOUNCE_BATCH = 100;
    /** Relay batches per look at most, so that a long backlog does not hold the poller for ever. */
    private static final int ANNOUNCE_BATCHES_PER_LOOK = 20;

    /** What a worker does for a hand-off. */
    private sealed interface Task {
        record Deliver(String notificationId) implements Task {
        }

        record Announce(Notification notification) implements Task {
        }
    }

    private final DeliverNotificationsUseCase dispatcher;
    private final Duration pollInterval;
    private final int workerCount;
    /** Workers not running a task; taken before a task is given to the pool, so that no task ever waits there. */
    private final Semaphore freeWorkers;
    private final BlockingQueue<Task> handOffs;
    /** Ids queued for delivery and not yet taken by a worker: the poll does not queue them twice. */
    private final Set<String> queuedIds = ConcurrentHashMap.newKeySet();
    private final AtomicLong refusedHandOffs = new AtomicLong();
    private ScheduledExecutorService poller;
    private ExecutorService workers;
    private volatile boolean running;

    /**
     * @param pollInterval    pause between two looks of the poll (the safety net; the hand-off serves new work)
     * @param workerCount     deliveries and publications running at once
     * @param handOffCapacity hand-offs waiting for a free worker at most; more are left to the poll
     */
    public DeliveryScheduler(DeliverNotificationsUseCase dispatcher, Duration pollInterval, int workerCount,
                             int handOffCapacity) {
        if (workerCount < 1) {
            throw new IllegalArgumentException("at least one delivery worker");
        }
        if (handOffCapacity < 1) {
            throw new IllegalArgumentException("a hand-off capacity of at least one");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive");
        }
        this.dispatcher = dispatcher;
        this.pollInterval = pollInterval;
        this.workerCount = workerCount;
        this.freeWorkers = new Semaphore(workerCount);
        this.handOffs = new ArrayBlockingQueue<>(handOffCapacity);
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
        poller.scheduleWithFixedDelay(this::poll, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
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
        // what was still queued is in the store: the next poll (of this or another instance) finds it
        handOffs.clear();
        queuedIds.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean deliver(String notificationId) {
        if (!running || !queuedIds.add(notificationId)) {
            return running; // queued already: that hand-off delivers it
        }
        if (!offer(new Task.Deliver(notificationId))) {
            queuedIds.remove(notificationId);
            return false;
        }
        return true;
    }

    @Override
    public boolean announce(Notification finalNotification) {
        return running && offer(new Task.Announce(finalNotification));
    }

    /** Hand-offs refused because the queue was full (left to the poll), since the start. */
    public long refusedHandOffs() {
        return refusedHandOffs.get();
    }

    private boolean offer(Task task) {
        if (!handOffs.offer(task)) {
            refusedHandOffs.incrementAndGet();
            return false;
        }
        pump();
        return true;
    }

    /**
     * Gives queued hand-offs to free workers. Called after each change of either (a hand-off queued, a worker freed),
     * and loops while both are there, so that no hand-off waits while a worker is free.
     */
    private void pump() {
        while (running && !handOffs.isEmpty() && freeWorkers.tryAcquire()) {
            Task task = handOffs.poll();
            if (task == null) {
                freeWorkers.release(); // another pump took it; look again
                continue;
            }
            try {
                workers.execute(() -> run(task));
            } catch (RuntimeException rejected) { // stopping: the store still holds it
                freeWorkers.release();
                return;
            }
        }
    }

    private void run(Task task) {
        try {
            switch (task) {
                case Task.Deliver deliver -> {
                    queuedIds.remove(deliver.notificationId());
                    claimAndDeliver(deliver.notificationId());
                }
                case Task.Announce announce -> dispatcher.announce(announce.notification());
            }
        } catch (RuntimeException e) {
            // the store or the broker may be away: the poll finds the notification again in the store
            log.warn("hand-off of a notification not settled: {}; left to the poll", e.getClass().getSimpleName());
        } finally {
            freeWorkers.release();
            pump();
        }
    }

    private void claimAndDeliver(String notificationId) {
        Optional<Claim> claim = dispatcher.claim(notificationId);
        if (claim.isEmpty()) {
            // delivered, deferred, or claimed by another worker or instance meanwhile: nothing to do
            log.debug("notification {} handed off but not claimable; nothing to do", notificationId);
            return;
        }
        deliverClaimed(claim.get());
    }

    /**
     * One look: repeats outstanding publications, then queues the due PENDING notifications the queue has room for.
     * @return how many due notifications it queued
     */
    int poll() {
        try {
            for (int batch = 0; running && batch < ANNOUNCE_BATCHES_PER_LOOK; batch++) {
                if (dispatcher.announceFinals(ANNOUNCE_BATCH) < ANNOUNCE_BATCH) {
                    break;
                }
            }
            int room = handOffs.remainingCapacity();
            if (!running || room == 0) {
                return 0; // the workers are busy with hand-offs: the next look tries again
            }
            List<String> due = dispatcher.dueIds(room);
            int queued = 0;
            for (String id : due) {
                if (!running || !deliver(id)) {
                    break;
                }
                queued++;
            }
            return queued;
        } catch (RuntimeException e) {
            // the store may be away for a moment: the next look tries again; no worker is held
            log.warn("notification dispatch poll failed: {}", e.getClass().getSimpleName());
            return 0;
        }
    }

    private void deliverClaimed(Claim claim) {
        try {
            Notification after = dispatcher.deliver(claim);
            log.info("notification {} {} after {} attempt(s) (channel {}, case {})", after.notificationId(),
                    after.status(), after.attempts(), after.channel(), after.caseId());
        } catch (RuntimeException e) {
            log.warn("delivery of notification {} stopped: {}; offered again when its lease runs out ({})",
                    claim.notification().notificationId(), e.getClass().getSimpleName(), claim.leaseUntil());
        }
    }
}
