package vn.childprotection.platform.notification.application;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.NotificationKind;
import vn.childprotection.platform.contracts.ReferralOutcome;
import vn.childprotection.platform.notification.application.Fakes.CountingMetrics;
import vn.childprotection.platform.notification.application.Fakes.InMemoryInformantContacts;
import vn.childprotection.platform.notification.application.Fakes.InMemoryNotifications;
import vn.childprotection.platform.notification.application.Fakes.MapCaseProvinces;
import vn.childprotection.platform.notification.application.Fakes.MapDirectory;
import vn.childprotection.platform.notification.application.Fakes.RecordingDeadLetters;
import vn.childprotection.platform.notification.application.Fakes.ScriptedChannel;
import vn.childprotection.platform.notification.application.port.in.RecordInformantContactUseCase;
import vn.childprotection.platform.notification.application.port.in.RecordReferralNotificationUseCase;
import vn.childprotection.platform.notification.domain.DeliveryChannel;
import vn.childprotection.platform.notification.domain.DeliveryOutcome;
import vn.childprotection.platform.notification.domain.Notification;
import vn.childprotection.platform.notification.domain.NotificationIds;
import vn.childprotection.platform.notification.domain.NotificationStatus;
import vn.childprotection.platform.notification.domain.Recipient;
import vn.childprotection.platform.notification.domain.RecipientRole;
import vn.childprotection.platform.notification.fixtures.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static vn.childprotection.platform.notification.fixtures.Claims.claimNextDue;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.caseOpened;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.completed;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.escalationRaised;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.newCaseId;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.report;

/**
 * The informant's outcome (S0 Art 7.2) across the two topics it joins, and the coordinator's province from
 * {@code CaseOpened}: recorded once, in either order, never without feedback, contact erased after delivery.
 */
class InformantOutcomeTest {

    private static final Instant NOW = Instant.parse("2025-03-11T02:16:00Z");
    private static final String PHONE = "0912345678";

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryNotifications repository = new InMemoryNotifications();
    private final InMemoryInformantContacts informants = new InMemoryInformantContacts();
    private final MapCaseProvinces provinces = new MapCaseProvinces();
    private final MapDirectory directory = new MapDirectory()
            .withCoordinator("11", Recipient.recorded("coordinator.11@sa.local"));
    private final ScriptedChannel sms = new ScriptedChannel(DeliveryChannel.SMS, n -> new DeliveryOutcome.Delivered());
    private final RecordingDeadLetters events = new RecordingDeadLetters();
    private final NotificationChannels channels = new NotificationChannels(List.of(sms,
            new ScriptedChannel(DeliveryChannel.RECORDED, n -> new DeliveryOutcome.Delivered())));
    private final RecordReferralNotificationService service = new RecordReferralNotificationService(repository,
            directory, channels, new CountingMetrics(), informants, provinces, clock);
    private final NotificationDispatcher dispatcher = new NotificationDispatcher(repository, channels, events,
            informants, new CountingMetrics(), clock,
            new NotificationDispatcher.Settings(Duration.ofMinutes(5), Duration.ofSeconds(30)));
    private final String caseId = newCaseId();
    private final String outcomeId = NotificationIds.forInformantOutcome(caseId);

    @Test
    void aContactThatArrivesAfterTheCompletionReleasesTheWaitingOutcome() {
        var waiting = service.handle(completed(caseId, ReferralOutcome.SUPPORT_PROVIDED));
        var kept = service.handle(report(caseId, true, false, PHONE));

        assertThat(waiting).isEqualTo(new RecordReferralNotificationUseCase.AwaitingInformant(caseId));
        assertThat(kept).isInstanceOfSatisfying(RecordInformantContactUseCase.OutcomeRecorded.class, r -> {
            assertThat(r.notification().notificationId()).isEqualTo(outcomeId);
            assertThat(r.notification().recipient()).isEqualTo(PHONE);
            assertThat(r.notification().kind()).isEqualTo(NotificationKind.OUTCOME_TO_INFORMANT);
            assertThat(r.notification().status()).isEqualTo(NotificationStatus.PENDING);
        });
    }

    @Test
    void aCompletionAfterTheContactRecordsTheOutcomeOnceHoweverOftenEitherIsRedelivered() {
        var report = report(caseId, true, false, PHONE);
        var done = completed(caseId, ReferralOutcome.SUPPORT_PROVIDED);

        assertThat(service.handle(report)).isEqualTo(new RecordInformantContactUseCase.ContactKept(caseId));
        assertThat(service.handle(done)).isInstanceOf(RecordReferralNotificationUseCase.Recorded.class);
        assertThat(service.handle(done)).isEqualTo(new RecordReferralNotificationUseCase.AlreadyRecorded(outcomeId));
        assertThat(service.handle(report)).isEqualTo(new RecordInformantContactUseCase.Unchanged(caseId));

        assertThat(repository.byId.values()).extracting(Notification::notificationId).containsExactly(outcomeId);
    }

    @Test
    void deliveryPublishesTheDeliveredEventErasesTheContactAndARedeliveredReportDoesNotBringItBack() {
        var report = report(caseId, true, false, PHONE);
        service.handle(report);
        service.handle(completed(caseId, ReferralOutcome.SUPPORT_PROVIDED));

        Notification delivered = dispatcher.deliver(claimNextDue(dispatcher).orElseThrow());

        assertThat(delivered.status()).isEqualTo(NotificationStatus.DELIVERED);
        assertThat(delivered.recipient()).isNull();
        assertThat(repository.byId.get(outcomeId).recipient()).isNull();
        assertThat(events.published).extracting(Notification::notificationId).containsExactly(outcomeId);
        assertThat(informants.find(caseId)).hasValueSatisfying(c -> {
            assertThat(c.contact()).isNull();
            assertThat(c.told()).isTrue();
        });
        assertThat(sms.delivered).hasSize(1);

        service.handle(report);
        service.handle(completed(caseId, ReferralOutcome.SUPPORT_PROVIDED));
        assertThat(informants.find(caseId).orElseThrow().contact()).isNull();
        assertThat(claimNextDue(dispatcher)).isEmpty();
    }

    @Test
    void aReportWithoutFeedbackOrAnonymousKeepsNoContactAndTheOutcomeIsNeverSent() {
        String anonymousCase = newCaseId();

        assertThat(service.handle(report(caseId, false, false, PHONE)))
                .isEqualTo(new RecordInformantContactUseCase.NoFeedback(caseId));
        assertThat(service.handle(report(anonymousCase, true, true, PHONE)))
                .isEqualTo(new RecordInformantContactUseCase.NoFeedback(anonymousCase));
        var notTold = service.handle(completed(caseId, ReferralOutcome.SUPPORT_PROVIDED));
        service.handle(completed(anonymousCase, ReferralOutcome.SUPPORT_PROVIDED));

        assertThat(notTold).isEqualTo(new RecordReferralNotificationUseCase.InformantNotTold(caseId,
                "FEEDBACK_NOT_WANTED"));
        assertThat(repository.byId).isEmpty();
        assertThat(informants.byCase.values()).allSatisfy(c -> assertThat(c.contact()).isNull());
    }

    @Test
    void aCaseOpenedWithoutFeedbackStopsAnOutcomeThatArrivesBeforeTheReport() {
        service.handle(caseOpened(caseId, false));

        var outcome = service.handle(completed(caseId, ReferralOutcome.CHILD_NOT_FOUND));

        assertThat(outcome).isInstanceOf(RecordReferralNotificationUseCase.InformantNotTold.class);
        assertThat(repository.byId).isEmpty();
    }

    @Test
    void anEscalationReachesTheCoordinatorOfTheProvinceTheCaseWasOpenedIn() {
        service.handle(caseOpened(caseId, true));

        var outcome = service.handle(escalationRaised(caseId));

        assertThat(outcome).isInstanceOfSatisfying(RecordReferralNotificationUseCase.Recorded.class, r ->
                assertThat(r.notifications()).singleElement().satisfies(n -> {
                    assertThat(n.role()).isEqualTo(RecipientRole.COORDINATOR);
                    assertThat(n.status()).isEqualTo(NotificationStatus.DELIVERED);
                    assertThat(n.recipient()).isEqualTo("coordinator.11@sa.local");
                }));
        assertThat(dispatcher.announceFinals(10)).isEqualTo(1);
        assertThat(events.published).extracting(Notification::kind).containsExactly(NotificationKind.ESCALATION);
    }
}
