package vn.childprotection.platform.notification.domain;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.NotificationKind;
import vn.childprotection.platform.contracts.ReferralOutcome;
import vn.childprotection.platform.contracts.Reporter;
import vn.childprotection.platform.contracts.ReporterRelationship;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The informant's feedback (S0 Art 7.2): kept only when expected, sent once both halves are there, then erased. */
class InformantContactTest {

    private static final Instant NOW = Instant.parse("2025-03-11T02:00:00Z");
    private static final String CASE_ID = "3f1e2d4c-5b6a-3798-8a9b-0c1d2e3f4a5b";
    private static final Recipient PHONE = new Recipient("0912345678", DeliveryChannel.SMS);
    private static final InformantContact.PendingOutcome OUTCOME = new InformantContact.PendingOutcome("evt",
            List.of(ReferralOutcome.SUPPORT_PROVIDED));

    @Test
    void onlyAnInformantWhoAskedForFeedbackIsNotAnonymousAndGaveAPhoneIsKept() {
        assertThat(InformantContact.contactOf(reporter("0912345678", false, true))).isEqualTo(PHONE);
        assertThat(InformantContact.contactOf(reporter("0912345678", false, false))).isNull();
        assertThat(InformantContact.contactOf(reporter("0912345678", true, true))).isNull();
        assertThat(InformantContact.contactOf(reporter(" ", false, true))).isNull();
        assertThat(InformantContact.contactOf(reporter(null, false, true))).isNull();
    }

    @Test
    void anOutcomeWithoutContactWaitsAndAContactWithoutOutcomeWaits() {
        assertThat(new InformantContact(CASE_ID, null, false, OUTCOME, false).next(NOW))
                .isEqualTo(new InformantContact.Await("CONTACT"));
        assertThat(new InformantContact(CASE_ID, PHONE, false, null, false).next(NOW))
                .isEqualTo(new InformantContact.Await("OUTCOME"));
    }

    @Test
    void bothHalvesMakeOneSmsToTheInformantWithAnIdPerCaseAndNoAgency() {
        var next = new InformantContact(CASE_ID, PHONE, false, OUTCOME, false).next(NOW);

        assertThat(next).isInstanceOfSatisfying(InformantContact.Send.class, send -> {
            Notification n = send.notification();
            assertThat(n.notificationId()).isEqualTo(NotificationIds.forInformantOutcome(CASE_ID));
            assertThat(n.kind()).isEqualTo(NotificationKind.OUTCOME_TO_INFORMANT);
            assertThat(n.role()).isEqualTo(RecipientRole.INFORMANT);
            assertThat(n.channel()).isEqualTo(DeliveryChannel.SMS);
            assertThat(n.status()).isEqualTo(NotificationStatus.PENDING);
            assertThat(n.agency()).isNull();
            assertThat(n.details().outcomes()).containsExactly(ReferralOutcome.SUPPORT_PROVIDED);
            assertThat(n.notificationId()).doesNotContain("0912345678");
        });
    }

    @Test
    void noFeedbackWantedOrAlreadyToldIsNeverSent() {
        assertThat(new InformantContact(CASE_ID, null, true, OUTCOME, false).next(NOW))
                .isEqualTo(new InformantContact.Skip(InformantContact.FEEDBACK_NOT_WANTED));
        assertThat(new InformantContact(CASE_ID, null, false, OUTCOME, true).next(NOW))
                .isEqualTo(new InformantContact.Skip(InformantContact.ALREADY_TOLD));
    }

    @Test
    void theInformantsPhoneIsErasedFromTheNotificationOnceItIsDelivered() {
        Notification pending = ((InformantContact.Send) new InformantContact(CASE_ID, PHONE, false, OUTCOME, false)
                .next(NOW)).notification();

        var failedOnce = ((StatusChange.Changed) pending.afterAttempt(
                new DeliveryOutcome.Failed("HTTP_503", true, 1), NOW)).notification();
        var delivered = ((StatusChange.Changed) failedOnce.afterAttempt(new DeliveryOutcome.Delivered(), NOW))
                .notification();

        assertThat(failedOnce.recipient()).as("kept while it may still be sent").isEqualTo(PHONE.address());
        assertThat(delivered.status()).isEqualTo(NotificationStatus.DELIVERED);
        assertThat(delivered.recipient()).isNull();
        assertThat(delivered.requeued(NOW)).isInstanceOf(StatusChange.Refused.class);
    }

    private static Reporter reporter(String phone, boolean anonymous, boolean wantsFeedback) {
        return new Reporter("Trần Văn Bình", phone, ReporterRelationship.NEIGHBOUR, anonymous, wantsFeedback);
    }
}
