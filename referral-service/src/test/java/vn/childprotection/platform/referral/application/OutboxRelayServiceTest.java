package vn.childprotection.platform.referral.application;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ReferralIssued;
import vn.childprotection.platform.referral.application.port.in.RelayOutboxUseCase.RelayResult;
import vn.childprotection.platform.referral.application.port.out.CaseMetrics;
import vn.childprotection.platform.referral.domain.Case;
import vn.childprotection.platform.referral.domain.CaseOpening;
import vn.childprotection.platform.referral.domain.OutboxMessage;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.nationalRuleset;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.report;

class OutboxRelayServiceTest {

    private final Fakes.MutableClock clock = new Fakes.MutableClock(Instant.parse("2026-11-20T02:15:04Z"));
    private final Fakes.InMemoryCases cases = new Fakes.InMemoryCases();
    private final Fakes.RecordingPublisher publisher = new Fakes.RecordingPublisher();
    private final OutboxRelayService relay = new OutboxRelayService(cases, publisher, CaseMetrics.NONE, clock,
            "instance-a", Duration.ofSeconds(30), 100);

    private Case stored(Concern concern) {
        Case opened = ((CaseOpening.Opened) Case.open(report().concerns(concern).build(), nationalRuleset(),
                clock.instant())).opened();
        cases.insertIfAbsent(opened);
        return opened;
    }

    @Test
    void publishesThePendingMessagesInOrderAndMarksThemPublished() {
        Case opened = stored(Concern.VIOLENCE);

        RelayResult result = relay.relay(opened.caseId());

        assertThat(result.complete()).isTrue();
        assertThat(publisher.eventIds()).containsExactlyElementsOf(
                opened.outbox().stream().map(OutboxMessage::eventId).toList());
        assertThat(cases.findById(opened.caseId()).orElseThrow().outbox())
                .allSatisfy(m -> assertThat(m.publishedAt()).isEqualTo(clock.instant()));
        assertThat(relay.relay(opened.caseId()).claimed()).as("nothing left to claim").isFalse();
    }

    @Test
    void aFailedPublishLosesNothingAndTheSweepPublishesTheRestExactlyOnce() {
        Case opened = stored(Concern.SEXUAL_ABUSE);
        publisher.failWhen = m -> m.eventType().equals(ReferralIssued.TYPE);

        RelayResult first = relay.relay(opened.caseId());

        assertThat(first.complete()).isFalse();
        assertThat(first.published()).isEqualTo(3); // CaseOpened, EscalationRaised, the first AgencyReferral
        Case afterFailure = cases.findById(opened.caseId()).orElseThrow();
        assertThat(afterFailure.outboxPending()).isTrue();
        assertThat(afterFailure.pendingMessages()).hasSize(opened.outbox().size() - 3);

        publisher.failWhen = m -> false;
        clock.advance(Duration.ofSeconds(1));
        assertThat(relay.sweep()).isEqualTo(1);

        assertThat(publisher.eventIds()).containsExactlyElementsOf(
                opened.outbox().stream().map(OutboxMessage::eventId).toList());
        assertThat(cases.findById(opened.caseId()).orElseThrow().outboxPending()).isFalse();
    }

    @Test
    void aCaseClaimedByAnotherInstanceIsLeftAloneUntilItsLeaseRunsOut() {
        Case opened = stored(Concern.HIV_AIDS);
        cases.leaseTo(opened.caseId(), "instance-b/claim", clock.instant().plusSeconds(30));

        assertThat(relay.relay(opened.caseId()).claimed()).isFalse();
        assertThat(relay.sweep()).isZero();
        assertThat(publisher.published).isEmpty();

        clock.advance(Duration.ofSeconds(31));
        assertThat(relay.sweep()).isEqualTo(1);
        assertThat(publisher.published).hasSize(opened.outbox().size());
    }

    @Test
    void theSweepPicksUpEveryCaseLeftPendingAfterACrash() {
        Case one = stored(Concern.NEGLECT);
        Case two = stored(Concern.OTHER);

        assertThat(relay.sweep()).isEqualTo(2);

        assertThat(publisher.published).hasSize(one.outbox().size() + two.outbox().size());
        assertThat(cases.countPendingOutbox()).isZero();
    }
}
