package vn.childprotection.platform.notification.application;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.notification.application.Fakes.ClockSleeper;
import vn.childprotection.platform.notification.application.Fakes.CountingMetrics;
import vn.childprotection.platform.notification.application.Fakes.InMemoryNotifications;
import vn.childprotection.platform.notification.application.Fakes.RecordingDeadLetters;
import vn.childprotection.platform.notification.application.Fakes.ScriptedChannel;
import vn.childprotection.platform.notification.application.port.in.DeliverNotificationsUseCase.Claim;
import vn.childprotection.platform.notification.domain.DeliveryChannel;
import vn.childprotection.platform.notification.domain.DeliveryOutcome;
import vn.childprotection.platform.notification.domain.Notification;
import vn.childprotection.platform.notification.domain.NotificationStatus;
import vn.childprotection.platform.notification.domain.Recipient;
import vn.childprotection.platform.notification.fixtures.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;

import static vn.childprotection.platform.notification.fixtures.Claims.claimNextDue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.newCaseId;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.referral;

/**
 * The store going away around a delivery (as in FaultToleranceIT's store outage): the recipient never gets a
 * notification twice because of it, and a final status this process published is never published again by it.
 */
class NotificationDispatcherStoreOutageTest {

    private static final Instant NOW = Instant.parse("2025-03-10T02:16:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration DEFERRAL = Duration.ofSeconds(30);
    private static final StoreRetry.Policy STORE_RETRY = new StoreRetry.Policy(Duration.ofMillis(200), 2.0,
            Duration.ofSeconds(5), Duration.ofSeconds(60));

    private final MutableClock clock = new MutableClock(NOW);
    private final ClockSleeper sleeper = new ClockSleeper(clock);
    private final InMemoryNotifications repository = new InMemoryNotifications();
    private final RecordingDeadLetters events = new RecordingDeadLetters();
    private final Queue<DeliveryOutcome> script = new ArrayDeque<>();
    private final ScriptedChannel webhook = new ScriptedChannel(DeliveryChannel.WEBHOOK,
            n -> script.isEmpty() ? new DeliveryOutcome.Delivered() : script.poll());
    private final NotificationDispatcher dispatcher = new NotificationDispatcher(repository,
            new NotificationChannels(List.of(webhook)), events, new Fakes.InMemoryInformantContacts(),
            new CountingMetrics(), clock, new NotificationDispatcher.Settings(LEASE, DEFERRAL, STORE_RETRY), sleeper);

    private Notification pendingWebhook(String agency) {
        Notification n = Notification.ofReferral(referral(newCaseId()).agency(agency).build(),
                new Recipient("https://" + agency.toLowerCase() + ".example/hook", DeliveryChannel.WEBHOOK), false,
                NOW);
        repository.insertIfAbsent(n);
        return n;
    }

    private NotificationStatus stored(Notification n) {
        return repository.byId.get(n.notificationId()).status();
    }

    // --- storing the outcome after a delivery ------------------------------------------------------------------------

    @Test
    void aDeliveredOutcomeIsStoredOnceTheStoreAnswersAgainAndTheRecipientIsNotCalledTwice() {
        Notification n = pendingWebhook("POLICE");
        repository.outcomeWritesToFail = 5;

        Notification after = dispatcher.deliver(claimNextDue(dispatcher).orElseThrow());

        assertThat(after.status()).isEqualTo(NotificationStatus.DELIVERED);
        assertThat(stored(n)).isEqualTo(NotificationStatus.DELIVERED);
        assertThat(sleeper.pauses).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400),
                Duration.ofMillis(800), Duration.ofMillis(1600), Duration.ofMillis(3200));
        assertThat(events.published).containsExactly(after);
        clock.advance(LEASE.multipliedBy(2));
        assertThat(claimNextDue(dispatcher)).isEmpty();
        assertThat(webhook.delivered).hasSize(1);
    }

    @Test
    void theStoreIsTriedForAsLongAsTheLeaseLeavesRoomWithBackOffCappedAtTheMaximum() {
        Notification n = pendingWebhook("POLICE");
        repository.outcomeWritesToFail = 40; // 0.2 + 0.4 + ... + 3.2 s, then 5 s each: three minutes of outage

        dispatcher.deliver(claimNextDue(dispatcher).orElseThrow());

        assertThat(stored(n)).isEqualTo(NotificationStatus.DELIVERED);
        assertThat(sleeper.pauses).hasSize(40).allSatisfy(p -> assertThat(p).isLessThanOrEqualTo(Duration.ofSeconds(5)));
        assertThat(Duration.between(NOW, clock.instant())).isLessThan(LEASE.minusSeconds(60));
        assertThat(webhook.delivered).hasSize(1);
    }

    @Test
    void anOutageLongerThanTheLeaseMinusTheMarginIsGivenUpBeforeTheLeaseRunsOut() {
        Notification n = pendingWebhook("POLICE");
        repository.outcomeWritesToFail = Integer.MAX_VALUE;
        Claim claim = claimNextDue(dispatcher).orElseThrow();

        assertThatThrownBy(() -> dispatcher.deliver(claim)).isInstanceOf(StoreRetry.GaveUp.class)
                .hasCauseInstanceOf(IllegalStateException.class);

        // the last write started before lease minus margin: it cannot land after another dispatcher re-claimed it
        assertThat(clock.instant()).isBefore(claim.leaseUntil().minusSeconds(60));
        assertThat(stored(n)).isEqualTo(NotificationStatus.PENDING);
        assertThat(events.published).isEmpty();
        assertThat(claimNextDue(dispatcher)).as("still leased to the dispatcher that gave up").isEmpty();
    }

    @Test
    void aDeferredOutcomeIsAlsoStoredOnceTheStoreAnswersAgain() {
        Notification n = pendingWebhook("HEALTH");
        script.add(new DeliveryOutcome.Deferred("CIRCUIT_OPEN"));
        repository.outcomeWritesToFail = 3;

        Notification after = dispatcher.deliver(claimNextDue(dispatcher).orElseThrow());

        assertThat(after.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(repository.byId.get(n.notificationId()).lastError()).isEqualTo("CIRCUIT_OPEN");
        assertThat(sleeper.pauses).hasSize(3);
    }

    @Test
    void aWorkerStoppedWhileWaitingForTheStoreGivesUpAndKeepsTheInterrupt() {
        pendingWebhook("POLICE");
        repository.outcomeWritesToFail = 1;
        var interrupted = new NotificationDispatcher(repository, new NotificationChannels(List.of(webhook)), events,
                new Fakes.InMemoryInformantContacts(), new CountingMetrics(), clock,
                new NotificationDispatcher.Settings(LEASE, DEFERRAL, STORE_RETRY), pause -> {
                    throw new InterruptedException("stopping");
                });
        try {
            assertThatThrownBy(() -> interrupted.deliver(claimNextDue(interrupted).orElseThrow()))
                    .isInstanceOf(StoreRetry.GaveUp.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted(); // clear it for the next test
        }
    }

    // --- publishing a final status once ------------------------------------------------------------------------------

    @Test
    void aPublicationWhoseMarkingFailedIsOnlyMarkedLaterAndNeverPublishedAgain() {
        pendingWebhook("POLICE");
        repository.marksToFail = 1; // the store went away right after the broker acknowledged

        Notification after = dispatcher.deliver(claimNextDue(dispatcher).orElseThrow());

        assertThat(events.published).containsExactly(after);
        assertThat(repository.unannounced).containsExactly(after.notificationId());
        assertThat(dispatcher.announceFinals(10)).isEqualTo(1);
        assertThat(events.published).as("published once").containsExactly(after);
        assertThat(repository.unannounced).isEmpty();
    }

    @Test
    void whileTheStoreStaysAwayTheRelayKeepsTryingToMarkWithoutPublishing() {
        pendingWebhook("HEALTH");
        script.add(new DeliveryOutcome.Failed("HTTP_503", false, 4));
        repository.marksToFail = 3;

        Notification failed = dispatcher.deliver(claimNextDue(dispatcher).orElseThrow());
        assertThat(dispatcher.announceFinals(10)).isZero();
        assertThat(dispatcher.announceFinals(10)).isZero();
        assertThat(dispatcher.announceFinals(10)).isEqualTo(1);

        assertThat(events.published).containsExactly(failed);
        assertThat(repository.unannounced).isEmpty();
    }

    @Test
    void theRelayLeavesAloneWhatADeliveryWorkerIsPublishingAtThatMoment() {
        pendingWebhook("POLICE");
        int[] settledByRelay = {-1};
        // the relay runs while the worker waits for the broker's acknowledgement: it finds the flag set
        events.whilePublishing = () -> {
            events.whilePublishing = () -> { };
            settledByRelay[0] = dispatcher.announceFinals(10);
        };

        Notification after = dispatcher.deliver(claimNextDue(dispatcher).orElseThrow());

        assertThat(settledByRelay[0]).isZero();
        assertThat(events.published).containsExactly(after);
        assertThat(repository.unannounced).isEmpty();
    }

    @Test
    void aRelayReadTakenBeforeTheFlagWasClearedDoesNotPublishAgain() {
        pendingWebhook("POLICE");
        Notification after = dispatcher.deliver(claimNextDue(dispatcher).orElseThrow());
        repository.staleUnannounced = List.of(after);

        assertThat(dispatcher.announceFinals(10)).isEqualTo(1);

        assertThat(events.published).containsExactly(after);
    }

    @Test
    void aFailureWhoseMarkingWasDeferredDoesNotHideTheDeliveryAfterAnOperatorsRetry() {
        Notification n = pendingWebhook("HEALTH");
        script.add(new DeliveryOutcome.Failed("HTTP_503", false, 4));
        repository.marksToFail = 1;
        Notification failed = dispatcher.deliver(claimNextDue(dispatcher).orElseThrow());
        dispatcher.retry(n.notificationId());
        events.brokerDown = true;

        Notification delivered = dispatcher.deliver(claimNextDue(dispatcher).orElseThrow());
        events.brokerDown = false;

        assertThat(dispatcher.announceFinals(10)).isEqualTo(1);
        assertThat(events.published).containsExactly(failed, delivered);
    }

    @Test
    void whatTheBrokerDidNotTakeIsStillPublishedLater() {
        pendingWebhook("POLICE");
        events.brokerDown = true;
        Notification after = dispatcher.deliver(claimNextDue(dispatcher).orElseThrow());
        events.brokerDown = false;

        assertThat(dispatcher.announceFinals(10)).isEqualTo(1);
        assertThat(dispatcher.announceFinals(10)).isZero();
        assertThat(events.published).containsExactly(after);
    }
}
