package vn.childprotection.platform.notification.application;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.ReferralIssued;
import vn.childprotection.platform.notification.application.Fakes.CountingMetrics;
import vn.childprotection.platform.notification.application.Fakes.InMemoryNotifications;
import vn.childprotection.platform.notification.application.Fakes.MapDirectory;
import vn.childprotection.platform.notification.application.Fakes.ScriptedChannel;
import vn.childprotection.platform.notification.application.port.in.RecordReferralNotificationUseCase.AlreadyRecorded;
import vn.childprotection.platform.notification.application.port.in.RecordReferralNotificationUseCase.NotApplicable;
import vn.childprotection.platform.notification.application.port.in.RecordReferralNotificationUseCase.Recorded;
import vn.childprotection.platform.notification.domain.DeliveryChannel;
import vn.childprotection.platform.notification.domain.DeliveryOutcome;
import vn.childprotection.platform.notification.domain.Notification;
import vn.childprotection.platform.notification.domain.NotificationIds;
import vn.childprotection.platform.notification.domain.NotificationStatus;
import vn.childprotection.platform.notification.domain.Recipient;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.caseOpened;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.newCaseId;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.referral;

class RecordReferralNotificationServiceTest {

    private static final Instant NOW = Instant.parse("2025-03-10T02:16:00Z");

    private final InMemoryNotifications repository = new InMemoryNotifications();
    private final MapDirectory directory = new MapDirectory()
            .with("SOCIAL_AFFAIRS", Recipient.recorded("focal-point@social-affairs.local"))
            .with("POLICE", Recipient.recorded("focal-point@police.local"))
            .with("HEALTH", Recipient.recorded("focal-point@health.local"));
    private final ScriptedChannel recording = new ScriptedChannel(DeliveryChannel.RECORDED,
            n -> DeliveryOutcome.delivered());
    private final CountingMetrics metrics = new CountingMetrics();
    private final String caseId = newCaseId();

    private RecordReferralNotificationService service(ScriptedChannel... channels) {
        return new RecordReferralNotificationService(repository, directory, new NotificationChannels(List.of(channels)),
                metrics, new Fakes.InMemoryInformantContacts(), new Fakes.MapCaseProvinces(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void eachReferralGetsOneDeliveredNotificationForItsAgencysFocalPoint() {
        var service = service(recording);
        List<ReferralIssued> referrals = List.of(
                referral(caseId).agency("SOCIAL_AFFAIRS").build(),
                referral(caseId).agency("POLICE").build(),
                referral(caseId).agency("HEALTH").build());

        referrals.forEach(service::handle);

        assertThat(repository.byId).hasSize(3);
        Map<String, String> recipientByAgency = new java.util.HashMap<>();
        repository.byId.values().forEach(n -> recipientByAgency.put(n.agency(), n.recipient()));
        assertThat(recipientByAgency).containsExactlyInAnyOrderEntriesOf(Map.of(
                "SOCIAL_AFFAIRS", "focal-point@social-affairs.local",
                "POLICE", "focal-point@police.local",
                "HEALTH", "focal-point@health.local"));
        assertThat(repository.byId.values()).allSatisfy(n -> {
            assertThat(n.status()).isEqualTo(NotificationStatus.DELIVERED);
            assertThat(n.attempts()).isEqualTo(1);
            assertThat(n.caseId()).isEqualTo(caseId);
        });
        assertThat(repository.byId.keySet()).containsExactlyInAnyOrderElementsOf(referrals.stream()
                .map(r -> NotificationIds.forReferral(r.referralId())).toList());
        assertThat(recording.delivered).hasSize(3);
        assertThat(metrics.count("REFERRAL_ISSUED/RECORDED/DELIVERED")).isEqualTo(3);
    }

    @Test
    void aRedeliveredReferralChangesNothing() {
        var service = service(recording);
        ReferralIssued police = referral(caseId).agency("POLICE").build();
        var first = (Recorded) service.handle(police);
        int writes = repository.writes;

        var again = service.handle(police);

        assertThat(again).isEqualTo(new AlreadyRecorded(first.notification().notificationId()));
        assertThat(repository.byId).hasSize(1);
        assertThat(repository.byId.get(first.notification().notificationId())).isEqualTo(first.notification());
        assertThat(repository.writes).isEqualTo(writes);
        assertThat(recording.delivered).hasSize(1);
    }

    @Test
    void aCaseOpenedEventProducesNoNotification() {
        var outcome = service(recording).handle(caseOpened(caseId, 3));

        assertThat(outcome).isEqualTo(new NotApplicable("CaseOpened.v1"));
        assertThat(repository.byId).isEmpty();
        assertThat(metrics.recorded).isEmpty();
    }

    @Test
    void aReferralToAnAgencyWithoutFocalPointIsRecordedAsFailedNotDropped() {
        var outcome = service(recording).handle(referral(caseId).agency("COURTS").build());

        assertThat(outcome).isInstanceOfSatisfying(Recorded.class, r -> {
            assertThat(r.notification().status()).isEqualTo(NotificationStatus.FAILED);
            assertThat(r.notification().lastError()).isEqualTo(Notification.NO_FOCAL_POINT);
        });
        assertThat(recording.delivered).isEmpty();
    }

    @Test
    void anOutboundRecipientIsOnlyRecordedAsPendingForTheDispatcherNotCalledByTheConsumer() {
        directory.with("POLICE", new Recipient("https://police.example/hook", DeliveryChannel.WEBHOOK));
        var webhook = new ScriptedChannel(DeliveryChannel.WEBHOOK, n -> DeliveryOutcome.delivered());

        var outcome = (Recorded) service(recording, webhook).handle(referral(caseId).agency("POLICE").build());

        assertThat(webhook.delivered).isEmpty();
        assertThat(recording.delivered).isEmpty();
        assertThat(outcome.notification().status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(outcome.notification().attempts()).isZero();
        assertThat(outcome.notification().channel()).isEqualTo(DeliveryChannel.WEBHOOK);
    }

    @Test
    void everyRecipientOfTheAgencyGetsItsOwnNotificationWithItsOwnDeterministicId() {
        Recipient hook = new Recipient("https://police.example/hook", DeliveryChannel.WEBHOOK);
        Recipient duty = new Recipient("+84000000000", DeliveryChannel.SMS);
        directory.withFurther("POLICE", hook).withFurther("POLICE", duty);
        ReferralIssued police = referral(caseId).agency("POLICE").build();

        var outcome = (Recorded) service(recording).handle(police);

        assertThat(outcome.notifications()).extracting(Notification::notificationId).containsExactly(
                NotificationIds.forReferral(police.referralId()),
                NotificationIds.forReferral(police.referralId(), hook),
                NotificationIds.forReferral(police.referralId(), duty));
        assertThat(outcome.notifications()).extracting(Notification::status).containsExactly(
                NotificationStatus.DELIVERED, NotificationStatus.PENDING, NotificationStatus.PENDING);
        assertThat(service(recording).handle(police))
                .isEqualTo(new AlreadyRecorded(NotificationIds.forReferral(police.referralId())));
        assertThat(repository.byId).hasSize(3);
    }

    @Test
    void aRedeliveryResumesANotificationLeftPending() {
        ReferralIssued police = referral(caseId).agency("POLICE").build();
        Notification leftPending = Notification.ofReferral(police, Recipient.recorded("focal-point@police.local"),
                NOW.minusSeconds(60));
        repository.insertIfAbsent(leftPending);

        var outcome = (Recorded) service(recording).handle(police);

        assertThat(outcome.notification().status()).isEqualTo(NotificationStatus.DELIVERED);
        assertThat(outcome.notification().createdAt()).isEqualTo(leftPending.createdAt());
        assertThat(repository.byId).hasSize(1);
    }
}
