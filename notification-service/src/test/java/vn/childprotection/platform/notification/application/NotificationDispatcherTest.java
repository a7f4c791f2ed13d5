package vn.childprotection.platform.notification.application;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.notification.application.Fakes.CountingMetrics;
import vn.childprotection.platform.notification.application.Fakes.InMemoryNotifications;
import vn.childprotection.platform.notification.application.Fakes.RecordingDeadLetters;
import vn.childprotection.platform.notification.application.Fakes.ScriptedChannel;
import vn.childprotection.platform.notification.application.port.in.RetryNotificationUseCase;
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
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.newCaseId;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.referral;

class NotificationDispatcherTest {

    private static final Instant NOW = Instant.parse("2025-03-10T02:16:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration DEFERRAL = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryNotifications repository = new InMemoryNotifications();
    private final RecordingDeadLetters deadLetters = new RecordingDeadLetters();
    private final Fakes.InMemoryInformantContacts informants = new Fakes.InMemoryInformantContacts();
    private final Queue<DeliveryOutcome> script = new ArrayDeque<>();
    private final ScriptedChannel webhook = new ScriptedChannel(DeliveryChannel.WEBHOOK,
            n -> script.isEmpty() ? new DeliveryOutcome.Delivered() : script.poll());
    private final NotificationDispatcher dispatcher = new NotificationDispatcher(repository,
            new NotificationChannels(List.of(webhook)), deadLetters, informants, new CountingMetrics(), clock,
            new NotificationDispatcher.Settings(LEASE, DEFERRAL));

    private Notification pendingWebhook(String agency) {
        Notification n = Notification.ofReferral(referral(newCaseId()).agency(agency).build(),
                new Recipient("https://" + agency.toLowerCase() + ".example/hook", DeliveryChannel.WEBHOOK), false,
                NOW);
        repository.insertIfAbsent(n);
        return n;
    }

    private Notification dispatchOne() {
        return dispatcher.deliver(claimNextDue(dispatcher).orElseThrow());
    }

    @Test
    void aDeliveredNotificationIsNeverOfferedAgain() {
        Notification n = pendingWebhook("POLICE");

        Notification after = dispatchOne();

        assertThat(after.status()).isEqualTo(NotificationStatus.DELIVERED);
        assertThat(after.attempts()).isEqualTo(1);
        clock.advance(LEASE.multipliedBy(2));
        assertThat(claimNextDue(dispatcher)).isEmpty();
        assertThat(webhook.delivered).extracting(Notification::notificationId).containsExactly(n.notificationId());
    }

    @Test
    void aClaimedNotificationIsNotClaimedTwiceButIsResumedWhenItsLeaseRunsOut() {
        pendingWebhook("POLICE");
        Notification claimed = claimNextDue(dispatcher).orElseThrow().notification();

        assertThat(claimNextDue(dispatcher)).isEmpty();
        clock.advance(LEASE.plusSeconds(1)); // the dispatcher holding it died
        assertThat(claimNextDue(dispatcher)).map(c -> c.notification().notificationId())
                .contains(claimed.notificationId());
    }

    @Test
    void afterTheLastRetryItIsFailedWithTheReasonAndPublishedOnTheDeadLetterTopic() {
        pendingWebhook("HEALTH");
        script.add(new DeliveryOutcome.Failed("HTTP_503", false, 4));

        Notification after = dispatchOne();

        assertThat(after.status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(after.lastError()).isEqualTo("HTTP_503");
        assertThat(after.attempts()).isEqualTo(4);
        assertThat(deadLetters.published).containsExactly(after);
        assertThat(repository.unannounced(10)).isEmpty();
    }

    @Test
    void aFailureNotPublishedWhileTheBrokerWasDownIsPublishedLater() {
        pendingWebhook("HEALTH");
        script.add(new DeliveryOutcome.Failed("HTTP_503", false, 4));
        deadLetters.brokerDown = true;

        Notification after = dispatchOne();

        assertThat(after.status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(deadLetters.published).isEmpty();
        deadLetters.brokerDown = false;
        assertThat(dispatcher.announceFinals(10)).isEqualTo(1);
        assertThat(deadLetters.published).containsExactly(after);
        assertThat(dispatcher.announceFinals(10)).isZero();
    }

    @Test
    void aDeferredNotificationStaysPendingWithoutAnAttemptAndIsOfferedAfterThePause() {
        pendingWebhook("HEALTH");
        script.add(new DeliveryOutcome.Deferred("CIRCUIT_OPEN"));

        Notification after = dispatchOne();

        assertThat(after.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(after.attempts()).isZero();
        assertThat(after.lastError()).isEqualTo("CIRCUIT_OPEN");
        assertThat(claimNextDue(dispatcher)).isEmpty();
        clock.advance(DEFERRAL);
        assertThat(dispatchOne().status()).isEqualTo(NotificationStatus.DELIVERED);
    }

    @Test
    void oneFailingRecipientDoesNotHoldUpAnother() {
        Notification failing = pendingWebhook("HEALTH");
        Notification healthy = pendingWebhook("POLICE");
        script.add(new DeliveryOutcome.Failed("HTTP_503", false, 4));

        dispatchOne();
        dispatchOne();

        assertThat(repository.byId.get(failing.notificationId()).status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(repository.byId.get(healthy.notificationId()).status()).isEqualTo(NotificationStatus.DELIVERED);
        assertThat(webhook.delivered).hasSize(2);
    }

    @Test
    void anOperatorsRetryDeliversAFailedNotificationAgainUnderTheSameId() {
        Notification n = pendingWebhook("HEALTH");
        script.add(new DeliveryOutcome.Failed("HTTP_503", false, 4));
        dispatchOne();

        assertThat(dispatcher.retry(n.notificationId())).isEqualTo(new RetryNotificationUseCase.Requeued(n.notificationId()));
        assertThat(dispatcher.retry(n.notificationId()))
                .isEqualTo(new RetryNotificationUseCase.AlreadyPending(n.notificationId()));
        Notification after = dispatchOne();

        assertThat(after.notificationId()).isEqualTo(n.notificationId());
        assertThat(after.status()).isEqualTo(NotificationStatus.DELIVERED);
        assertThat(after.attempts()).isEqualTo(5);
        assertThat(dispatcher.retry(n.notificationId()))
                .isEqualTo(new RetryNotificationUseCase.Refused(n.notificationId(), Notification.ALREADY_DELIVERED));
        assertThat(dispatcher.retry("00000000-0000-0000-0000-000000000000"))
                .isEqualTo(new RetryNotificationUseCase.NotFound("00000000-0000-0000-0000-000000000000"));
    }

    @Test
    void aChannelThatThrowsLeavesTheNotificationPendingForALaterAttempt() {
        pendingWebhook("HEALTH");
        var broken = new NotificationDispatcher(repository, new NotificationChannels(List.of(
                new ScriptedChannel(DeliveryChannel.WEBHOOK, n -> {
                    throw new IllegalStateException("bug");
                }))), deadLetters, informants, new CountingMetrics(), clock,
                new NotificationDispatcher.Settings(LEASE, DEFERRAL));

        Notification after = broken.deliver(claimNextDue(broken).orElseThrow());

        assertThat(after.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(after.lastError()).isEqualTo(NotificationDispatcher.CHANNEL_ERROR);
    }

    @Test
    void aHandOffClaimsTheNotificationByIdUnlessAnotherWorkerClaimedOrDeliveredIt() {
        Notification handedOff = pendingWebhook("POLICE");
        Notification takenByAnother = pendingWebhook("HEALTH");
        dispatcher.claim(takenByAnother.notificationId()).orElseThrow(); // another worker holds its lease

        assertThat(dispatcher.claim(takenByAnother.notificationId())).as("leased to another worker").isEmpty();
        Notification after = dispatcher.deliver(dispatcher.claim(handedOff.notificationId()).orElseThrow());

        assertThat(after.status()).isEqualTo(NotificationStatus.DELIVERED);
        assertThat(dispatcher.claim(handedOff.notificationId())).as("delivered already").isEmpty();
        assertThat(webhook.delivered).extracting(Notification::notificationId)
                .containsExactly(handedOff.notificationId());
        assertThat(deadLetters.published).extracting(Notification::notificationId)
                .containsExactly(handedOff.notificationId());
        assertThat(repository.unannounced).isEmpty();
    }

    @Test
    void aHandedOffFinalStatusIsPublishedOnceEvenWhenTheRelayReadsItToo() {
        Notification recorded = Notification.ofReferral(referral(newCaseId()).agency("POLICE").build(),
                Recipient.recorded("focal-point@police.local"), false, NOW);
        Notification delivered = ((vn.childprotection.platform.notification.domain.StatusChange.Changed)
                recorded.afterAttempt(DeliveryOutcome.delivered(), NOW)).notification();
        repository.insertIfAbsent(delivered);
        repository.staleUnannounced = List.of(delivered); // the relay read it before the hand-off cleared the flag

        assertThat(dispatcher.announce(delivered)).isTrue();
        dispatcher.announceFinals(10);

        assertThat(deadLetters.published).containsExactly(delivered);
        assertThat(repository.unannounced).isEmpty();
    }
}
