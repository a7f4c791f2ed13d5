package vn.childprotection.platform.referral.domain;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.AgencyReferral;
import vn.childprotection.platform.contracts.AgencyReferralEvent;
import vn.childprotection.platform.contracts.CaseEvent;
import vn.childprotection.platform.contracts.CaseOpened;
import vn.childprotection.platform.contracts.CaseStatus;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.Ids;
import vn.childprotection.platform.contracts.Location;
import vn.childprotection.platform.contracts.ReferralIssued;
import vn.childprotection.platform.contracts.ReferralStatus;
import vn.childprotection.platform.contracts.ReportSubmitted;
import vn.childprotection.platform.contracts.Topics;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.platform.contracts.Agencies.POLICE;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.CHILD_NAME;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.INFORMANT_NAME;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.INFORMANT_PHONE;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.NARRATIVE;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.nationalRuleset;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.report;

class CaseTest {

    private static final Instant OPENED_AT = Instant.parse("2026-11-20T02:15:04Z");

    private static Case open(ReportSubmitted report) {
        return ((CaseOpening.Opened) Case.open(report, nationalRuleset(), OPENED_AT)).opened();
    }

    @Test
    void anInterventionIsReferredAndOwesCaseOpenedThenForEachReferralTheAgencyReferralAndReferralIssued() {
        ReportSubmitted report = report().concerns(Concern.SEXUAL_ABUSE).build();
        Case opened = open(report);

        assertThat(opened.status()).isEqualTo(CaseStatus.REFERRED);
        assertThat(opened.referrals()).hasSize(6).allSatisfy(referral -> {
            assertThat(referral.referralId()).isEqualTo(Ids.nameBased("referral", report.caseId(),
                    referral.agency()));
            assertThat(referral.areaCode()).isEqualTo("03127");
            assertThat(referral.status()).isEqualTo(ReferralStatus.ISSUED);
            assertThat(referral.rulesetVersion()).isEqualTo("VN-national-2025.1");
        });
        // CaseOpened, EscalationRaised (a HIGH case, S0 Art 5.4), then AgencyReferral + ReferralIssued per referral
        assertThat(opened.outbox()).hasSize(1 + 1 + 2 * 6).allSatisfy(message -> {
            assertThat(message.key()).isEqualTo(report.caseId());
            assertThat(message.pending()).isTrue();
            // the relay's topic check reads from here on (README "Outbox")
            assertThat(message.recordedAt()).isEqualTo(OPENED_AT);
        });
        OutboxMessage first = opened.outbox().getFirst();
        assertThat(first.topic()).isEqualTo(Topics.CASE_EVENTS);
        CaseOpened caseOpened = (CaseOpened) EventJson.read(first.payload(), CaseEvent.class);
        assertThat(caseOpened.eventId()).isEqualTo(Ids.nameBased(CaseOpened.TYPE, report.caseId()));
        assertThat(caseOpened.occurredAt()).isEqualTo(OPENED_AT);
        assertThat(caseOpened.referralCount()).isEqualTo(6);
        assertThat(caseOpened.informantExpectsFeedback()).isTrue();

        Referral police = opened.referrals().stream().filter(r -> r.agency().equals(POLICE)).findFirst()
                .orElseThrow();
        int at = opened.outbox().indexOf(opened.outbox().stream()
                .filter(m -> m.topic().equals("referrals.police.11.v1")).findFirst().orElseThrow());
        AgencyReferral agencyReferral = (AgencyReferral) EventJson.read(opened.outbox().get(at).payload(),
                AgencyReferralEvent.class);
        assertThat(agencyReferral.eventId()).isEqualTo(Ids.nameBased(AgencyReferral.TYPE, police.referralId()));
        assertThat(agencyReferral.child().fullName()).as("the agency must find the child").isEqualTo(CHILD_NAME);
        assertThat(agencyReferral.narrative()).isEqualTo(NARRATIVE);
        ReferralIssued issued = (ReferralIssued) EventJson.read(opened.outbox().get(at + 1).payload(),
                CaseEvent.class);
        assertThat(issued.eventId()).isEqualTo(Ids.nameBased(ReferralIssued.TYPE, police.referralId()));
        assertThat(issued.ruleId()).isEqualTo("VN.SEXUAL_ABUSE");
        assertThat(issued.legalBasis()).contains("QĐ 349/QĐ-UBND Điện Biên 2013, Art 9.5a–g");
    }

    @Test
    void caseEventsAndAgencyTopicsCarryNoInformantIdentityAndCaseEventsNoChildNameOrNarrative() {
        Case opened = open(report().concerns(Concern.VIOLENCE).build());

        opened.outbox().forEach(message -> assertThat(message.payload())
                .doesNotContain(INFORMANT_NAME).doesNotContain(INFORMANT_PHONE));
        opened.outbox().stream().filter(m -> m.topic().equals(Topics.CASE_EVENTS)).forEach(message ->
                assertThat(message.payload()).doesNotContain(CHILD_NAME).doesNotContain(NARRATIVE));
    }

    @Test
    void aCounsellingContactIsRecordedAndOwesOnlyCaseOpenedWithNoReferrals() {
        Case opened = open(report().counselling().build());

        assertThat(opened.status()).isEqualTo(CaseStatus.RECORDED);
        assertThat(opened.referrals()).isEmpty();
        assertThat(opened.outbox()).singleElement().satisfies(message -> {
            CaseOpened event = (CaseOpened) EventJson.read(message.payload(), CaseEvent.class);
            assertThat(event.referralCount()).isZero();
            assertThat(event.status()).isEqualTo(CaseStatus.RECORDED);
        });
    }

    @Test
    void openingTheSameReportTwiceGivesTheSameIdsAndPayloads() {
        ReportSubmitted report = report().concerns(Concern.TRAFFICKING, Concern.VIOLENCE).build();

        assertThat(open(report).outbox()).isEqualTo(open(report).outbox());
    }

    @Test
    void theAreaIsTheMostLocalCodeOfTheLocation() {
        Case district = open(report().location(new Location("11", "094", null)).build());
        Case province = open(report().location(new Location("89", null, null)).build());

        assertThat(district.referrals()).allSatisfy(r -> assertThat(r.areaCode()).isEqualTo("094"));
        assertThat(province.referrals()).allSatisfy(r -> assertThat(r.areaCode()).isEqualTo("89"));
    }

    @Test
    void aReportWhoseCaseIdDoesNotDeriveFromItsReportIdIsRejectedNamingTheField() {
        CaseOpening opening = Case.open(report().caseId("00000000-0000-0000-0000-000000000000")
                .location(new Location(null, null, null)).build(), nationalRuleset(), OPENED_AT);

        assertThat(opening).isInstanceOfSatisfying(CaseOpening.Rejected.class, rejected ->
                assertThat(rejected.reasons()).containsExactly(
                        "caseId is not the case id of reportId (Ids.caseIdFor)", "location.provinceCode is missing"));
    }

    @Test
    void markingMessagesPublishedClearsThePendingFlagOnlyWhenAllAre() {
        Case opened = open(report().concerns(Concern.HIV_AIDS).build());
        Case partly = opened.withPublished(Set.of(0, 1), OPENED_AT);

        assertThat(partly.outboxPending()).isTrue();
        assertThat(partly.pendingMessages()).hasSize(opened.outbox().size() - 2);
        assertThat(partly.withPublished(Set.of(2, 3, 4), OPENED_AT).outboxPending()).isTrue();
        assertThat(partly.withPublished(Set.of(2, 3, 4, 5), OPENED_AT).outboxPending()).isFalse();
        assertThat(List.of(opened.outboxPending())).containsExactly(true);
    }
}
