package vn.childprotection.platform.referral.application;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.CaseStatus;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ReportSubmitted;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.referral.domain.RoutingEnvironment;
import vn.childprotection.platform.referral.application.port.in.HandleReportUseCase;
import vn.childprotection.platform.referral.application.port.out.CaseMetrics;
import vn.childprotection.platform.referral.domain.Case;
import vn.childprotection.platform.referral.domain.OutboxMessage;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.nationalRuleset;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.report;

class HandleReportServiceTest {

    private final Fakes.MutableClock clock = new Fakes.MutableClock(Instant.parse("2026-11-20T02:15:04Z"));
    private final Fakes.InMemoryCases cases = new Fakes.InMemoryCases();
    private final Fakes.RecordingPublisher publisher = new Fakes.RecordingPublisher();
    private final OutboxRelayService relay = new OutboxRelayService(cases, publisher,
            new Fakes.TopicLedger(publisher), CaseMetrics.NONE, clock,
            "test-instance", Duration.ofSeconds(30), 100);
    private final HandleReportService service = new HandleReportService(cases, () -> RoutingEnvironment.of(nationalRuleset()), relay,
            CaseMetrics.NONE, clock);

    @Test
    void anInterventionIsStoredWithItsOutboxAndPublishedAtOnce() {
        ReportSubmitted report = report().concerns(Concern.TRAFFICKING).build();

        HandleReportUseCase.Outcome outcome = service.handle(report);

        assertThat(outcome).isEqualTo(new HandleReportUseCase.Opened(report.caseId(), CaseStatus.REFERRED, 4));
        Case stored = cases.findById(report.caseId()).orElseThrow();
        assertThat(stored.outboxPending()).isFalse();
        assertThat(publisher.eventIds()).containsExactlyElementsOf(
                stored.outbox().stream().map(OutboxMessage::eventId).toList());
    }

    @Test
    void aRedeliveredReportChangesNothingAndPublishesNothing() {
        ReportSubmitted report = report().build();
        service.handle(report);
        int published = publisher.published.size();
        clock.advance(Duration.ofMinutes(5));

        HandleReportUseCase.Outcome again = service.handle(report);

        assertThat(again).isEqualTo(new HandleReportUseCase.AlreadyHandled(report.caseId()));
        assertThat(cases.inserts).isEqualTo(1);
        assertThat(publisher.published).hasSize(published);
    }

    @Test
    void aCounsellingContactIsRecordedAndAnnouncedWithoutAnyReferral() {
        ReportSubmitted report = report().counselling().build();

        HandleReportUseCase.Outcome outcome = service.handle(report);

        assertThat(outcome).isEqualTo(new HandleReportUseCase.Opened(report.caseId(), CaseStatus.RECORDED, 0));
        assertThat(publisher.published).singleElement()
                .satisfies(m -> assertThat(m.topic()).isEqualTo(Topics.CASE_EVENTS));
    }

    @Test
    void aReportBreakingTheContractIsRejectedAndNothingIsStored() {
        ReportSubmitted report = report().caseId("not-the-derived-id").build();

        HandleReportUseCase.Outcome outcome = service.handle(report);

        assertThat(outcome).isInstanceOf(HandleReportUseCase.Rejected.class);
        assertThat(cases.byId).isEmpty();
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void aBrokerOutageDuringTheImmediateRelayStillStoresTheCaseAndLeavesItPendingForTheSweep() {
        publisher.failWhen = message -> true;
        ReportSubmitted report = report().build();

        HandleReportUseCase.Outcome outcome = service.handle(report);

        assertThat(outcome).isInstanceOf(HandleReportUseCase.Opened.class);
        assertThat(cases.findById(report.caseId()).orElseThrow().outboxPending()).isTrue();
    }
}
