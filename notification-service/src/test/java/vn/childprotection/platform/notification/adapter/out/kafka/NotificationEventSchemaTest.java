package vn.childprotection.platform.notification.adapter.out.kafka;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.Agencies;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.Ids;
import vn.childprotection.platform.contracts.NotificationDelivered;
import vn.childprotection.platform.contracts.NotificationFailed;
import vn.childprotection.platform.contracts.ReferralOutcome;
import vn.childprotection.platform.contracts.ReferralOverdue;
import vn.childprotection.platform.notification.domain.DeliveryChannel;
import vn.childprotection.platform.notification.domain.DeliveryOutcome;
import vn.childprotection.platform.notification.domain.FocalPointDirectory;
import vn.childprotection.platform.notification.domain.InformantContact;
import vn.childprotection.platform.notification.domain.Notification;
import vn.childprotection.platform.notification.domain.NotificationRules;
import vn.childprotection.platform.notification.domain.Recipient;
import vn.childprotection.platform.notification.domain.StatusChange;
import vn.childprotection.platform.notification.fixtures.NotificationEventSchema;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.newCaseId;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.overdue;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.referral;

/**
 * What this service writes on {@code notifications.delivered.v1} and {@code notifications.failed.v1} is valid against
 * the contracts' schema for every kind and role, carries deterministic event ids and never the address.
 */
class NotificationEventSchemaTest {

    private static final Instant NOW = Instant.parse("2025-03-10T02:16:00Z");

    @Test
    void deliveredAndFailedNotificationsOfEveryKindAndRoleAreValidContractEvents() {
        String caseId = newCaseId();
        var directory = new FocalPointDirectory(List.of(new FocalPointDirectory.AgencyFocalPoints(Agencies.POLICE,
                new Recipient("fp@police.local", DeliveryChannel.EMAIL), List.of(),
                List.of(new Recipient("https://police.example/hook", DeliveryChannel.WEBHOOK)), null)),
                List.of(), new Recipient("coordinator@sa.local", DeliveryChannel.EMAIL));
        List<Notification> all = new ArrayList<>();
        all.addAll(((NotificationRules.Notify) NotificationRules.decide(
                referral(caseId).agency(Agencies.POLICE).build(), directory, "11", NOW)).notifications());
        all.addAll(((NotificationRules.Notify) NotificationRules.decide(overdue(referral(caseId)
                .agency(Agencies.POLICE).build(), ReferralOverdue.Stage.ESCALATED), directory, "11", NOW))
                .notifications());
        all.add(((InformantContact.Send) new InformantContact(caseId, new Recipient("0912345678",
                DeliveryChannel.SMS), false, new InformantContact.PendingOutcome("e",
                List.of(ReferralOutcome.CHILD_NOT_FOUND)), false).next(NOW)).notification());

        for (Notification n : all) {
            Notification delivered = n.status().isFinal() ? n : after(n, new DeliveryOutcome.Delivered(2));
            Notification failed = n.status().isFinal() ? n : after(n, new DeliveryOutcome.Failed("HTTP_503", false, 4));
            for (Notification done : List.of(delivered, failed)) {
                String json = EventJson.writeString(KafkaNotificationEventPublisher.eventOf(done));
                assertThat(NotificationEventSchema.validate(json)).as(json).isEmpty();
                assertThat(json).doesNotContain("0912345678").doesNotContain("@police.local")
                        .doesNotContain("coordinator@");
            }
        }
    }

    @Test
    void eventIdsAreDeterministicDeliveredOncePerNotificationAndFailedOncePerAttemptCount() {
        Notification pending = ((NotificationRules.Notify) NotificationRules.decide(referral(newCaseId())
                .agency(Agencies.POLICE).build(), new FocalPointDirectory(List.of(
                new FocalPointDirectory.AgencyFocalPoints(Agencies.POLICE, Recipient.recorded("fp@police.local"),
                        List.of()))), "11", NOW)).notifications().getFirst();
        Notification delivered = after(pending, new DeliveryOutcome.Delivered(1));
        Notification failed = after(pending, new DeliveryOutcome.Failed("TIMEOUT", false, 3));

        var deliveredEvent = (NotificationDelivered) KafkaNotificationEventPublisher.eventOf(delivered);
        var failedEvent = (NotificationFailed) KafkaNotificationEventPublisher.eventOf(failed);

        assertThat(deliveredEvent.eventId())
                .isEqualTo(Ids.nameBased(NotificationDelivered.TYPE, pending.notificationId()));
        assertThat(deliveredEvent).isEqualTo(KafkaNotificationEventPublisher.eventOf(delivered));
        assertThat(deliveredEvent.recipientRole()).isEqualTo("FOCAL_POINT");
        assertThat(failedEvent.eventId())
                .isEqualTo(Ids.nameBased(NotificationFailed.TYPE, pending.notificationId(), "3"));
        assertThat(failedEvent.error()).isEqualTo("TIMEOUT");
    }

    private static Notification after(Notification n, DeliveryOutcome outcome) {
        return ((StatusChange.Changed) n.afterAttempt(outcome, NOW.plusSeconds(5))).notification();
    }
}
