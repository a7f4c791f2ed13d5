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
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.newCaseId;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.referral;

/** The poller's pace with a scripted use case: real threads, Awaitility waits with small time-outs. */
class DeliverySchedulerTest {

    private static final Instant NOW = Instant.parse("2025-03-10T02:16:00Z");

    /** Counts looks (each starts with the relay) and hands out queued claims. */
    static final class ScriptedDelivery implements DeliverNotificationsUseCase {
        final AtomicInteger looks = new AtomicInteger();
        final AtomicInteger claimFailuresLeft = new AtomicInteger();
        final Queue<Claim> due = new ConcurrentLinkedQueue<>();
        final List<String> delivered = new CopyOnWriteArrayList<>();

        @Override
        public int announceFinals(int limit) {
            looks.incrementAndGet();
            return 0;
        }

        @Override
        public Optional<Claim> claimNext() {
            if (claimFailuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("store away");
            }
            return Optional.ofNullable(due.poll());
        }

        @Override
        public Notification deliver(Claim claim) {
            delivered.add(claim.notification().notificationId());
            return claim.notification();
        }
    }

    private final ScriptedDelivery delivery = new ScriptedDelivery();
    private DeliveryScheduler scheduler;

    private static Claim claim() {
        Notification n = Notification.ofReferral(referral(newCaseId()).agency("POLICE").build(),
                new Recipient("https://police.example/hook", DeliveryChannel.WEBHOOK), false, NOW);
        return new Claim(n, NOW.plus(Duration.ofMinutes(5)));
    }

    private DeliveryScheduler start(Duration busy, Duration idle, int workers) {
        scheduler = new DeliveryScheduler(delivery, busy, idle, workers);
        scheduler.start();
        return scheduler;
    }

    @AfterEach
    void stop() {
        if (scheduler != null) {
            scheduler.stop();
        }
    }

    @Test
    void anIdlePollerBacksOffAndAWakeUpMakesItLookAtOnceAnnouncingFirst() {
        start(Duration.ofMillis(20), Duration.ofMinutes(10), 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> scheduler.currentPauseMillis() >= 1000);
        int looksBefore = delivery.looks.get();
        Claim fresh = claim();
        delivery.due.add(fresh);

        scheduler.wakeUp();

        // without the wake-up the next look would be a second or more away
        await().atMost(Duration.ofMillis(600)).until(() -> delivery.delivered.contains(fresh.notification()
                .notificationId()));
        assertThat(delivery.looks.get()).as("the relay ran on the wake-up look").isGreaterThan(looksBefore);
        assertThat(scheduler.currentPauseMillis()).isLessThan(1000);
    }

    @Test
    void anIdlePollerStillFindsNotificationsThatBecomeDueWithoutAWakeUp() {
        start(Duration.ofMillis(20), Duration.ofMillis(200), 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> scheduler.currentPauseMillis() == 200);
        Claim deferred = claim(); // a deferred notification whose pause ran out: no event announces it

        delivery.due.add(deferred);

        await().atMost(Duration.ofSeconds(2)).until(() -> delivery.delivered.contains(deferred.notification()
                .notificationId()));
    }

    @Test
    void manyWakeUpsDoNotMakeThePollerLookMoreOftenThanItsBusyPace() {
        start(Duration.ofMillis(200), Duration.ofSeconds(2), 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.looks.get() >= 1);
        long started = System.nanoTime();
        int looksBefore = delivery.looks.get();

        // a burst of consumed events, over about one second
        while (System.nanoTime() - started < Duration.ofSeconds(1).toNanos()) {
            scheduler.wakeUp();
            Thread.onSpinWait();
        }

        int looks = delivery.looks.get() - looksBefore;
        assertThat(looks).as("looks during a second of wake-ups at a 200 ms busy pace").isBetween(1, 7);
    }

    @Test
    void claimsThatFailWhileTheStoreIsAwayDoNotUseUpTheWorkers() {
        delivery.claimFailuresLeft.set(10);
        start(Duration.ofMillis(10), Duration.ofMillis(50), 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.claimFailuresLeft.get() == 0);
        Claim afterOutage = claim();

        delivery.due.add(afterOutage);

        await().atMost(Duration.ofSeconds(2)).until(() -> delivery.delivered.contains(afterOutage.notification()
                .notificationId()));
    }
}
