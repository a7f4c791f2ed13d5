package vn.childprotection.platform.notification.adapter.in.scheduling;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.childprotection.platform.notification.application.port.in.DeliverNotificationsUseCase;
import vn.childprotection.platform.notification.application.port.in.DeliverNotificationsUseCase.Claim;
import vn.childprotection.platform.notification.domain.DeliveryChannel;
import vn.childprotection.platform.notification.domain.Notification;
import vn.childprotection.platform.notification.domain.Recipient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.newCaseId;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.referral;

/** Hand-offs and the steady poll with a scripted use case: real threads, Awaitility waits with small time-outs. */
class DeliverySchedulerTest {

    private static final Instant NOW = Instant.parse("2025-03-10T02:16:00Z");
    private static final Duration NEVER = Duration.ofHours(1);

    /**
     * A store in a map: {@code due} holds the PENDING notifications whose lease is free; a claim (by id, or the
     * poll's ids) takes one out, as the lease does. Counts looks, scans and claims.
     */
    static final class ScriptedDelivery implements DeliverNotificationsUseCase {
        final Map<String, Notification> due = new ConcurrentHashMap<>();
        final AtomicInteger looks = new AtomicInteger();
        final AtomicInteger dueScans = new AtomicInteger();
        final AtomicInteger claimsById = new AtomicInteger();
        final AtomicInteger failuresLeft = new AtomicInteger();
        final List<String> delivered = new CopyOnWriteArrayList<>();
        final List<String> announced = new CopyOnWriteArrayList<>();
        /** Deliveries wait for it: holds the workers busy. */
        volatile CountDownLatch endpoint = new CountDownLatch(0);

        Notification add() {
            Notification n = Notification.ofReferral(referral(newCaseId()).agency("POLICE").build(),
                    new Recipient("https://police.example/hook", DeliveryChannel.WEBHOOK), false, NOW);
            due.put(n.notificationId(), n);
            return n;
        }

        private void maybeFail() {
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("store away");
            }
        }

        @Override
        public int announceFinals(int limit) {
            looks.incrementAndGet();
            return 0;
        }

        @Override
        public Optional<Claim> claim(String notificationId) {
            claimsById.incrementAndGet();
            maybeFail();
            return Optional.ofNullable(due.remove(notificationId))
                    .map(n -> new Claim(n, NOW.plus(Duration.ofMinutes(5))));
        }

        @Override
        public List<String> dueIds(int limit) {
            dueScans.incrementAndGet();
            maybeFail();
            return due.keySet().stream().limit(limit).toList();
        }

        @Override
        public boolean announce(Notification finalNotification) {
            announced.add(finalNotification.notificationId());
            return true;
        }

        @Override
        public Notification deliver(Claim claim) {
            try {
                endpoint.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delivered.add(claim.notification().notificationId());
            return claim.notification();
        }
    }

    private final ScriptedDelivery delivery = new ScriptedDelivery();
    private DeliveryScheduler scheduler;

    private DeliveryScheduler start(Duration pollInterval, int workers, int capacity) {
        scheduler = new DeliveryScheduler(delivery, pollInterval, workers, capacity);
        scheduler.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.looks.get() >= 1); // the look at start
        return scheduler;
    }

    @AfterEach
    void stop() {
        delivery.endpoint.countDown();
        if (scheduler != null) {
            scheduler.stop();
        }
    }

    @Test
    void aHandedOffNotificationIsClaimedByIdAndDeliveredWithoutAPoll() {
        start(NEVER, 2, 10);
        int scansBefore = delivery.dueScans.get();
        Notification fresh = delivery.add();

        assertThat(scheduler.deliver(fresh.notificationId())).isTrue();

        await().atMost(Duration.ofSeconds(2)).until(() -> delivery.delivered.contains(fresh.notificationId()));
        assertThat(delivery.dueScans.get()).as("no scan for a handed-off notification").isEqualTo(scansBefore);
        assertThat(delivery.looks.get()).isEqualTo(1);
    }

    @Test
    void aHandedOffFinalStatusIsAnnouncedByAWorker() {
        start(NEVER, 1, 10);
        Notification recorded = delivery.add();

        assertThat(scheduler.announce(recorded)).isTrue();

        await().atMost(Duration.ofSeconds(2)).until(() -> delivery.announced.contains(recorded.notificationId()));
        assertThat(delivery.looks.get()).isEqualTo(1);
    }

    @Test
    void aHandOffForANotificationAnotherWorkerClaimedDoesNothing() {
        start(NEVER, 1, 10);
        Notification n = delivery.add();
        assertThat(delivery.claim(n.notificationId())).isPresent(); // another worker or instance claimed it

        assertThat(scheduler.deliver(n.notificationId())).isTrue();

        await().atMost(Duration.ofSeconds(2)).until(() -> delivery.claimsById.get() == 2);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2))
                .until(() -> delivery.delivered.isEmpty());
    }

    @Test
    void aFullHandOffQueueLeavesTheNotificationToThePoll() {
        delivery.endpoint = new CountDownLatch(1); // the one worker is held by the first delivery
        start(Duration.ofSeconds(1), 1, 1); // the next look is a second away: the hand-offs below come first
        Notification first = delivery.add();
        Notification queued = delivery.add();
        Notification overflow = delivery.add();
        assertThat(scheduler.deliver(first.notificationId())).isTrue();
        await().atMost(Duration.ofSeconds(2)).until(() -> delivery.claimsById.get() == 1); // the worker holds it
        assertThat(scheduler.deliver(queued.notificationId())).isTrue();

        assertThat(scheduler.deliver(overflow.notificationId())).as("queue full").isFalse();
        assertThat(scheduler.refusedHandOffs()).isEqualTo(1);

        delivery.endpoint.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.delivered.contains(overflow.notificationId()));
        assertThat(delivery.delivered).containsExactlyInAnyOrder(first.notificationId(), queued.notificationId(),
                overflow.notificationId());
        assertThat(delivery.dueScans.get()).as("the poll found it").isGreaterThan(1);
    }

    @Test
    void theSteadyPollFindsNotificationsThatBecomeDueWithoutAHandOff() {
        start(Duration.ofMillis(100), 2, 10);
        Notification deferred = delivery.add(); // a deferred notification whose pause ran out: nobody hands it off

        await().atMost(Duration.ofSeconds(2)).until(() -> delivery.delivered.contains(deferred.notificationId()));
    }

    @Test
    void thePollKeepsASteadyPaceWhateverTheHandOffs() {
        start(Duration.ofMillis(200), 2, 100);
        int looksBefore = delivery.looks.get();
        long started = System.nanoTime();

        // a burst of hand-offs over about one second wakes nothing
        while (System.nanoTime() - started < Duration.ofSeconds(1).toNanos()) {
            scheduler.deliver(delivery.add().notificationId());
            await().pollDelay(Duration.ofMillis(5)).until(() -> true);
        }

        assertThat(delivery.looks.get() - looksBefore).as("looks in a second at a 200 ms pace").isBetween(3, 7);
    }

    @Test
    void pollsAndClaimsThatFailWhileTheStoreIsAwayDoNotUseUpTheWorkers() {
        delivery.failuresLeft.set(10);
        start(Duration.ofMillis(20), 1, 10);
        Notification handedOff = delivery.add();
        scheduler.deliver(handedOff.notificationId()); // its claim may fail: the poll finds it again
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.failuresLeft.get() == 0);
        Notification afterOutage = delivery.add();

        scheduler.deliver(afterOutage.notificationId());

        await().atMost(Duration.ofSeconds(2)).until(() -> delivery.delivered.containsAll(List.of(
                handedOff.notificationId(), afterOutage.notificationId())));
    }
}
