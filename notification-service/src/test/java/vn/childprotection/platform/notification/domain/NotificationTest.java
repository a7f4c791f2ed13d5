package vn.childprotection.platform.notification.domain;

import vn.childprotection.platform.contracts.NotificationKind;
import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.ReferralIssued;
import vn.childprotection.platform.notification.fixtures.CaseEventFixtures;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationTest {

    private static final Instant NOW = Instant.parse("2025-03-10T02:16:00.123456Z");
    private static final Instant LATER = NOW.plusSeconds(5);

    private final ReferralIssued referral = CaseEventFixtures.referral(CaseEventFixtures.newCaseId())
            .agency("POLICE").areaCode("094").build();

    @Test
    void aReferralNotificationStartsPendingForTheFocalPointWithADeterministicId() {
        Notification n = Notification.ofReferral(referral, Recipient.recorded("focal-point@police.local"), NOW);

        assertThat(n.notificationId()).isEqualTo(NotificationIds.forReferral(referral.referralId()))
                .isEqualTo(Notification.ofReferral(referral, Recipient.recorded("x@y.local"), LATER).notificationId());
        assertThat(n.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(n.kind()).isEqualTo(NotificationKind.REFERRAL_ISSUED);
        assertThat(n.channel()).isEqualTo(DeliveryChannel.RECORDED);
        assertThat(n.recipient()).isEqualTo("focal-point@police.local");
        assertThat(n.caseId()).isEqualTo(referral.caseId());
        assertThat(n.referralId()).isEqualTo(referral.referralId());
        assertThat(n.agency()).isEqualTo("POLICE");
        assertThat(n.areaCode()).isEqualTo("094");
        assertThat(n.sourceEventId()).isEqualTo(referral.eventId());
        assertThat(n.attempts()).isZero();
        assertThat(n.lastError()).isNull();
        assertThat(n.createdAt()).isEqualTo(Instant.parse("2025-03-10T02:16:00.123Z"));
    }

    @Test
    void theNotificationIdIsTheNameBasedIdOfKindAndReferral() {
        assertThat(NotificationIds.forReferral("r-1")).isEqualTo(
                vn.childprotection.platform.contracts.Ids.nameBased("notification", "REFERRAL_ISSUED", "r-1"));
    }

    @Test
    void aDeliveredAttemptMakesItDeliveredAndCountsTheAttempt() {
        Notification pending = Notification.ofReferral(referral, Recipient.recorded("fp@police.local"), NOW);

        StatusChange change = pending.afterAttempt(DeliveryOutcome.delivered(), LATER);

        assertThat(change).isInstanceOfSatisfying(StatusChange.Changed.class, c -> {
            assertThat(c.notification().status()).isEqualTo(NotificationStatus.DELIVERED);
            assertThat(c.notification().attempts()).isEqualTo(1);
            assertThat(c.notification().updatedAt()).isEqualTo(Instant.parse("2025-03-10T02:16:05.123Z"));
            assertThat(c.notification().createdAt()).isEqualTo(pending.createdAt());
        });
    }

    @Test
    void aDeliveredNotificationRefusesAnyFurtherAttempt() {
        Notification delivered = ((StatusChange.Changed) Notification
                .ofReferral(referral, Recipient.recorded("fp@police.local"), NOW)
                .afterAttempt(DeliveryOutcome.delivered(), NOW)).notification();

        assertThat(delivered.afterAttempt(DeliveryOutcome.delivered(), LATER))
                .isInstanceOfSatisfying(StatusChange.Refused.class,
                        r -> assertThat(r.current()).isSameAs(delivered));
    }

    @Test
    void aTransientFailureKeepsItPendingWithTheReasonCode() {
        Notification pending = Notification.ofReferral(referral, Recipient.recorded("fp@police.local"), NOW);

        var changed = (StatusChange.Changed) pending.afterAttempt(DeliveryOutcome.failedTransiently("HTTP_503"), LATER);

        assertThat(changed.notification().status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(changed.notification().attempts()).isEqualTo(1);
        assertThat(changed.notification().lastError()).isEqualTo("HTTP_503");
    }

    @Test
    void aPermanentFailureMakesItFailed() {
        Notification pending = Notification.ofReferral(referral, Recipient.recorded("fp@police.local"), NOW);

        var changed = (StatusChange.Changed) pending.afterAttempt(DeliveryOutcome.failedPermanently("HTTP_410"), LATER);

        assertThat(changed.notification().status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(changed.notification().lastError()).isEqualTo("HTTP_410");
        assertThat(changed.notification().afterAttempt(DeliveryOutcome.delivered(), LATER))
                .isInstanceOf(StatusChange.Refused.class);
    }

    @Test
    void aReferralWithoutFocalPointIsRecordedAsFailedWithNoFocalPoint() {
        Notification n = Notification.ofUnreachableReferral(referral, NOW);

        assertThat(n.status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(n.recipient()).isNull();
        assertThat(n.lastError()).isEqualTo(Notification.NO_FOCAL_POINT);
        assertThat(n.notificationId()).isEqualTo(NotificationIds.forReferral(referral.referralId()));
    }

    @Test
    void onlyPendingMovesAndFinalStatusesStay() {
        assertThat(NotificationStatus.PENDING.canMoveTo(NotificationStatus.DELIVERED)).isTrue();
        assertThat(NotificationStatus.PENDING.canMoveTo(NotificationStatus.FAILED)).isTrue();
        assertThat(NotificationStatus.DELIVERED.isFinal()).isTrue();
        assertThat(NotificationStatus.FAILED.isFinal()).isTrue();
        assertThat(NotificationStatus.DELIVERED.canMoveTo(NotificationStatus.PENDING)).isFalse();
    }

    @Test
    void aPendingNotificationNeedsARecipient() {
        assertThatThrownBy(() -> new Recipient(" ", DeliveryChannel.RECORDED))
                .isInstanceOf(IllegalArgumentException.class);
        Notification n = Notification.ofReferral(referral, Recipient.recorded("fp@police.local"), NOW);
        assertThatThrownBy(() -> new Notification(n.notificationId(), n.caseId(), n.referralId(), n.kind(),
                n.agency(), n.areaCode(), n.channel(), null, NotificationStatus.PENDING, 0, null, NOW, NOW,
                n.sourceEventId())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theAttemptsAChannelMadeAreAllCountedAndTheLastRetryFailingMakesItFailed() {
        Notification pending = Notification.ofReferral(referral,
                new Recipient("https://police.example/hook", DeliveryChannel.WEBHOOK), false, NOW);

        var failed = (StatusChange.Changed) pending.afterAttempt(new DeliveryOutcome.Failed("TIMEOUT", false, 4), LATER);

        assertThat(failed.notification().status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(failed.notification().attempts()).isEqualTo(4);
        assertThat(failed.notification().lastError()).isEqualTo("TIMEOUT");
    }

    @Test
    void aDeferredDeliveryStaysPendingWithoutCountingAnAttempt() {
        Notification pending = Notification.ofReferral(referral,
                new Recipient("https://police.example/hook", DeliveryChannel.WEBHOOK), false, NOW);

        var deferred = (StatusChange.Changed) pending.afterAttempt(new DeliveryOutcome.Deferred("CIRCUIT_OPEN"), LATER);

        assertThat(deferred.notification().status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(deferred.notification().attempts()).isZero();
        assertThat(deferred.notification().lastError()).isEqualTo("CIRCUIT_OPEN");
    }

    @Test
    void aFurtherRecipientHasItsOwnIdBesideTheFocalPoints() {
        Recipient hook = new Recipient("https://police.example/hook", DeliveryChannel.WEBHOOK);

        String further = Notification.ofReferral(referral, hook, false, NOW).notificationId();

        assertThat(further).isEqualTo(NotificationIds.forReferral(referral.referralId(), hook))
                .isNotEqualTo(NotificationIds.forReferral(referral.referralId()));
    }

    @Test
    void onlyAFailedNotificationWithARecipientIsRequeuedAndKeepsItsIdAttemptsAndLastError() {
        Notification pending = Notification.ofReferral(referral,
                new Recipient("https://police.example/hook", DeliveryChannel.WEBHOOK), false, NOW);
        Notification failed = ((StatusChange.Changed) pending.afterAttempt(
                new DeliveryOutcome.Failed("HTTP_503", false, 3), LATER)).notification();

        var requeued = (StatusChange.Changed) failed.requeued(LATER.plusSeconds(60));

        assertThat(requeued.notification().status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(requeued.notification().notificationId()).isEqualTo(pending.notificationId());
        assertThat(requeued.notification().attempts()).isEqualTo(3);
        assertThat(requeued.notification().lastError()).isEqualTo("HTTP_503");
        assertThat(pending.requeued(LATER)).isEqualTo(new StatusChange.Refused(pending, Notification.ALREADY_PENDING));
        Notification delivered = ((StatusChange.Changed) pending.afterAttempt(DeliveryOutcome.delivered(), LATER))
                .notification();
        assertThat(delivered.requeued(LATER))
                .isEqualTo(new StatusChange.Refused(delivered, Notification.ALREADY_DELIVERED));
        Notification unreachable = Notification.ofUnreachableReferral(referral, NOW);
        assertThat(unreachable.requeued(LATER))
                .isEqualTo(new StatusChange.Refused(unreachable, Notification.NO_FOCAL_POINT));
    }
}
