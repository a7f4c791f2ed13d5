package vn.childprotection.platform.notification.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.childprotection.platform.contracts.Agencies;
import vn.childprotection.platform.contracts.Ids;
import vn.childprotection.platform.contracts.NotificationKind;
import vn.childprotection.platform.contracts.ReferralOutcome;
import vn.childprotection.platform.contracts.ReferralOverdue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import vn.childprotection.platform.notification.fixtures.CaseEventFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.escalationRaised;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.newCaseId;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.overdue;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.referral;

/** The Vietnamese texts: ids, codes and Việt Nam time for agencies; informant-safe words for the informant. */
class NotificationTextsTest {

    private static final Instant NOW = Instant.parse("2025-03-10T02:16:00Z");
    private static final Recipient FP = new Recipient("focal-point@police.local", DeliveryChannel.EMAIL);
    private static final FocalPointDirectory DIRECTORY = new FocalPointDirectory(List.of(
            new FocalPointDirectory.AgencyFocalPoints(Agencies.POLICE, FP, List.of(), List.of(),
                    new Recipient("backup@police.local", DeliveryChannel.EMAIL))), List.of(),
            new Recipient("coordinator@sa.local", DeliveryChannel.EMAIL));

    @Test
    void timesAreWrittenInVietnamTime() {
        assertThat(NotificationTexts.vietnamTime(Instant.parse("2025-03-10T06:15:30Z")))
                .isEqualTo("13:15 ngày 10/03/2025 (giờ Việt Nam)");
    }

    @Test
    void anOverdueReminderNamesTheReferralAgencySeverityAndTheDeadlineInVietnamTime() {
        var reminder = overdue(referral(newCaseId()).agency(Agencies.POLICE).build(), ReferralOverdue.Stage.REMINDER);
        Notification n = first(reminder);

        String body = NotificationTexts.body(n);

        assertThat(NotificationTexts.subject(n)).contains("Nhắc hạn xử lý").contains("[CAO]").contains(n.caseId());
        assertThat(body).contains("OVERDUE_REMINDER").contains(n.caseId()).contains(n.referralId())
                .contains("Cơ quan: POLICE").contains("Mức độ: CAO")
                .contains("Hạn xác nhận tiếp nhận: 13:15 ngày 10/03/2025 (giờ Việt Nam)")
                .contains(n.notificationId());
        assertThat(NotificationTexts.sms(n)).contains(n.caseId()).contains("13:15 ngày 10/03/2025");
    }

    @Test
    void aCaseEscalationListsItsStatutoryDeadlinesAndCitesTheCoordinatorsClause() {
        Notification n = first(escalationRaised(newCaseId()));

        assertThat(NotificationTexts.body(n)).contains("Báo cáo khẩn").contains("Điều 5.4")
                .contains("áp dụng biện pháp khẩn cấp (NĐ 56/2017 Điều 26.3): 21:15 ngày 10/03/2025")
                .contains("lập kế hoạch hỗ trợ (NĐ 56/2017 Điều 28.1)");
    }

    @Test
    void whenNoAgencyIsLeftTheCoordinatorIsToldWhichReferralWasDeclinedAndThatTheyDecide() {
        String caseId = newCaseId();
        String declined = Ids.nameBased("referral", caseId, Agencies.SOCIAL_AFFAIRS);
        Notification n = first(CaseEventFixtures.noAgencyLeft(caseId, declined));

        assertThat(n.kind()).isEqualTo(NotificationKind.ESCALATION);
        assertThat(n.role()).isEqualTo(RecipientRole.COORDINATOR);
        assertThat(NotificationTexts.subject(n)).contains("Không còn cơ quan xử lý").contains(caseId);
        assertThat(NotificationTexts.body(n)).contains(declined).contains("Phó Ban thường trực quyết định")
                .contains("Điều 8.4, 5.4").doesNotContain("Báo cáo khẩn");
    }

    @ParameterizedTest
    @EnumSource(ReferralOutcome.class)
    void everyOutcomeHasItsOwnShortVietnameseSentence(ReferralOutcome outcome) {
        String sentence = NotificationTexts.outcomeSentence(outcome);

        assertThat(sentence).isNotBlank().endsWith(".").doesNotContain(outcome.name());
        assertThat(Arrays.stream(ReferralOutcome.values()).filter(o -> o != outcome)
                .map(NotificationTexts::outcomeSentence)).doesNotContain(sentence);
    }

    @Test
    void theInformantsSmsSaysTheCaseWasHandledTheOutcomeAndTheHotlineAndNothingElse() {
        String sms = NotificationTexts.informantSms(List.of(ReferralOutcome.SUPPORT_PROVIDED,
                ReferralOutcome.LEGAL_ACTION_TAKEN));

        assertThat(sms).contains("đã được các cơ quan chức năng xử lý")
                .contains(NotificationTexts.outcomeSentence(ReferralOutcome.SUPPORT_PROVIDED))
                .contains(NotificationTexts.outcomeSentence(ReferralOutcome.LEGAL_ACTION_TAKEN))
                .contains("gọi 111")
                .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}")
                .doesNotContain("POLICE").doesNotContain("SOCIAL_AFFAIRS");
    }

    private static Notification first(vn.childprotection.platform.contracts.CaseEvent event) {
        return ((NotificationRules.Notify) NotificationRules.decide(event, DIRECTORY, "11", NOW)).notifications()
                .getFirst();
    }
}
