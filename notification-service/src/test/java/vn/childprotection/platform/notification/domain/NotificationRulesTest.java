package vn.childprotection.platform.notification.domain;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.Agencies;
import vn.childprotection.platform.contracts.CaseStatus;
import vn.childprotection.platform.contracts.CaseStatusChanged;
import vn.childprotection.platform.contracts.NotificationKind;
import vn.childprotection.platform.contracts.ReferralIssued;
import vn.childprotection.platform.contracts.ReferralOutcome;
import vn.childprotection.platform.contracts.ReferralOverdue;
import vn.childprotection.platform.contracts.ReferralStatusChanged;
import vn.childprotection.platform.contracts.ResponseAction;
import vn.childprotection.platform.contracts.ReferralStatus;
import vn.childprotection.platform.notification.domain.FocalPointDirectory.AgencyFocalPoints;
import vn.childprotection.platform.notification.domain.FocalPointDirectory.ProvinceCoordinator;
import vn.childprotection.platform.notification.domain.NotificationRules.Decision;
import vn.childprotection.platform.notification.domain.NotificationRules.Notify;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.caseOpened;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.completed;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.escalationRaised;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.newCaseId;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.overdue;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.referral;

/** Who gets what (S0 Art 5.4, 7.2, 8.4, 9.5): the pure rules, one case event at a time. */
class NotificationRulesTest {

    private static final Instant NOW = Instant.parse("2025-03-10T02:16:00Z");
    private static final Recipient POLICE_FP = new Recipient("focal-point@police.local", DeliveryChannel.EMAIL);
    private static final Recipient POLICE_HOOK = new Recipient("https://police.example/hook", DeliveryChannel.WEBHOOK);
    private static final Recipient POLICE_BACKUP = new Recipient("backup@police.local", DeliveryChannel.EMAIL);
    private static final Recipient HEALTH_FP = Recipient.recorded("focal-point@health.local");
    private static final Recipient COORDINATOR_11 = new Recipient("coordinator.11@sa.local", DeliveryChannel.EMAIL);
    private static final Recipient COORDINATOR = Recipient.recorded("coordinator@sa.local");

    private final FocalPointDirectory directory = new FocalPointDirectory(List.of(
            new AgencyFocalPoints(Agencies.POLICE, POLICE_FP, List.of(), List.of(POLICE_HOOK), POLICE_BACKUP),
            new AgencyFocalPoints(Agencies.HEALTH, HEALTH_FP, List.of())),
            List.of(new ProvinceCoordinator("11", COORDINATOR_11)), COORDINATOR);
    private final String caseId = newCaseId();

    private static List<Notification> notifications(Decision decision) {
        assertThat(decision).isInstanceOf(Notify.class);
        return ((Notify) decision).notifications();
    }

    @Test
    void aRoutedReferralTellsTheUnitsFocalPointThenTheAgencysSystem() {
        ReferralIssued issued = referral(caseId).agency(Agencies.POLICE).build();

        List<Notification> sent = notifications(NotificationRules.decide(issued, directory, "11", NOW));

        assertThat(sent).extracting(Notification::kind, Notification::role, Notification::recipient,
                Notification::status).containsExactly(
                tuple(NotificationKind.REFERRAL_ISSUED, RecipientRole.FOCAL_POINT, POLICE_FP.address(),
                        NotificationStatus.PENDING),
                tuple(NotificationKind.REFERRAL_ISSUED, RecipientRole.AGENCY_SYSTEM, POLICE_HOOK.address(),
                        NotificationStatus.PENDING));
        assertThat(sent.getFirst().notificationId()).isEqualTo(NotificationIds.forReferral(issued.referralId()));
    }

    @Test
    void aForwardedReferralTellsTheNewAgencyAndTheProvincesCoordinator() {
        ReferralIssued forwarded = referral(caseId).agency(Agencies.POLICE).forwardedFrom(
                referral(caseId).agency(Agencies.HEALTH).referralId(), "FORWARDED").build();

        List<Notification> sent = notifications(NotificationRules.decide(forwarded, directory, "11", NOW));

        assertThat(sent).extracting(Notification::kind, Notification::role, Notification::agency,
                Notification::recipient).containsExactly(
                tuple(NotificationKind.FORWARDED, RecipientRole.FOCAL_POINT, Agencies.POLICE, POLICE_FP.address()),
                tuple(NotificationKind.FORWARDED, RecipientRole.AGENCY_SYSTEM, Agencies.POLICE,
                        POLICE_HOOK.address()),
                tuple(NotificationKind.FORWARDED, RecipientRole.COORDINATOR, Agencies.SOCIAL_AFFAIRS,
                        COORDINATOR_11.address()));
        assertThat(sent).allSatisfy(n -> {
            assertThat(n.referralId()).isEqualTo(forwarded.referralId());
            assertThat(n.details().forwardedFrom()).isEqualTo(forwarded.forwardedFrom());
        });
    }

    @Test
    void aTriageAfterDeclineIsAForwardingToTheStandingAgencyAndItsCoordinator() {
        ReferralIssued triage = referral(caseId).agency(Agencies.HEALTH).forwardedFrom(
                referral(caseId).agency(Agencies.POLICE).referralId(), NotificationDetails.TRIAGE_AFTER_DECLINE)
                .build();

        List<Notification> sent = notifications(NotificationRules.decide(triage, directory, "11", NOW));

        assertThat(sent).extracting(Notification::kind, Notification::role).containsExactly(
                tuple(NotificationKind.FORWARDED, RecipientRole.FOCAL_POINT),
                tuple(NotificationKind.FORWARDED, RecipientRole.COORDINATOR));
        assertThat(sent.getFirst().details().isTriageAfterDecline()).isTrue();
    }

    @Test
    void anEscalatedCaseTellsTheCoordinatorOfItsProvinceOrTheDefaultOneWhenTheProvinceIsUnknown() {
        var escalation = escalationRaised(caseId);

        List<Notification> inProvince = notifications(NotificationRules.decide(escalation, directory, "11", NOW));
        List<Notification> unknown = notifications(NotificationRules.decide(escalation, directory, null, NOW));

        assertThat(inProvince).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.ESCALATION);
            assertThat(n.role()).isEqualTo(RecipientRole.COORDINATOR);
            assertThat(n.recipient()).isEqualTo(COORDINATOR_11.address());
            assertThat(n.referralId()).isNull();
            assertThat(n.details().deadlines()).hasSize(2);
        });
        assertThat(unknown).singleElement().extracting(Notification::recipient).isEqualTo(COORDINATOR.address());
    }

    @Test
    void anOverdueReminderTellsOnlyTheUnitsFocalPoint() {
        var reminder = overdue(referral(caseId).agency(Agencies.POLICE).build(), ReferralOverdue.Stage.REMINDER);

        List<Notification> sent = notifications(NotificationRules.decide(reminder, directory, "11", NOW));

        assertThat(sent).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.OVERDUE_REMINDER);
            assertThat(n.role()).isEqualTo(RecipientRole.FOCAL_POINT);
            assertThat(n.recipient()).isEqualTo(POLICE_FP.address());
            assertThat(n.details().stage()).isEqualTo(ReferralOverdue.Stage.REMINDER);
            assertThat(n.details().dueAt()).isEqualTo(reminder.dueAt());
        });
    }

    @Test
    void anEscalatedOverdueReferralTellsTheFocalPointTheBackupAndTheCoordinator() {
        var escalated = overdue(referral(caseId).agency(Agencies.POLICE).build(), ReferralOverdue.Stage.ESCALATED);

        List<Notification> sent = notifications(NotificationRules.decide(escalated, directory, "11", NOW));

        assertThat(sent).extracting(Notification::kind, Notification::role, Notification::recipient)
                .containsExactly(
                        tuple(NotificationKind.ESCALATION, RecipientRole.FOCAL_POINT, POLICE_FP.address()),
                        tuple(NotificationKind.ESCALATION, RecipientRole.BACKUP_FOCAL_POINT, POLICE_BACKUP.address()),
                        tuple(NotificationKind.ESCALATION, RecipientRole.COORDINATOR, COORDINATOR_11.address()));
        assertThat(sent).extracting(Notification::notificationId).doesNotHaveDuplicates();
    }

    @Test
    void aRecipientTheDirectoryLacksIsPlannedAsAVisibleFailureNamingTheRole() {
        var escalated = overdue(referral(caseId).agency(Agencies.HEALTH).build(), ReferralOverdue.Stage.ESCALATED);
        var noCoordinators = new FocalPointDirectory(List.of(
                new AgencyFocalPoints(Agencies.HEALTH, HEALTH_FP, List.of())));

        List<Notification> sent = notifications(NotificationRules.decide(escalated, noCoordinators, "11", NOW));

        assertThat(sent).extracting(Notification::role, Notification::status, Notification::lastError)
                .containsExactly(
                        tuple(RecipientRole.FOCAL_POINT, NotificationStatus.PENDING, null),
                        tuple(RecipientRole.BACKUP_FOCAL_POINT, NotificationStatus.FAILED, "NO_BACKUP_FOCAL_POINT"),
                        tuple(RecipientRole.COORDINATOR, NotificationStatus.FAILED, "NO_COORDINATOR"));
    }

    @Test
    void theSameEventAlwaysYieldsTheSameNotificationIds() {
        var escalated = overdue(referral(caseId).agency(Agencies.POLICE).build(), ReferralOverdue.Stage.ESCALATED);

        var first = notifications(NotificationRules.decide(escalated, directory, "11", NOW));
        var again = notifications(NotificationRules.decide(escalated, directory, "11", NOW.plusSeconds(60)));

        assertThat(again).extracting(Notification::notificationId)
                .containsExactlyElementsOf(first.stream().map(Notification::notificationId).toList());
    }

    @Test
    void aCompletedCaseAsksForTheInformantsOutcomeAndOtherStatusChangesForNothing() {
        CaseStatusChanged done = completed(caseId, ReferralOutcome.SUPPORT_PROVIDED);
        CaseStatusChanged inProgress = new CaseStatusChanged("e", NOW, caseId, CaseStatus.REFERRED,
                CaseStatus.IN_PROGRESS, List.of());
        ReferralStatusChanged accepted = new ReferralStatusChanged("e2", NOW, caseId, "r", Agencies.POLICE, null,
                "u", "resp", ResponseAction.ACCEPTED, ReferralStatus.ISSUED, ReferralStatus.ACCEPTED, null, null, null,
                NOW, CaseStatus.IN_PROGRESS);

        assertThat(NotificationRules.decide(done, directory, "11", NOW))
                .isEqualTo(new NotificationRules.TellInformant(done));
        assertThat(NotificationRules.decide(inProgress, directory, "11", NOW))
                .isInstanceOf(NotificationRules.Nothing.class);
        assertThat(NotificationRules.decide(accepted, directory, "11", NOW))
                .isInstanceOf(NotificationRules.Nothing.class);
        assertThat(NotificationRules.decide(caseOpened(caseId, 2), directory, "11", NOW))
                .isInstanceOf(NotificationRules.Nothing.class);
    }
}
