package vn.childprotection.platform.referral.application;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.AgencyReferral;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ReferralIssued;
import vn.childprotection.platform.referral.application.port.in.RelayOutboxUseCase;
import vn.childprotection.platform.referral.application.port.in.RelayOutboxUseCase.RelayResult;
import vn.childprotection.platform.referral.application.port.out.CaseMetrics;
import vn.childprotection.platform.referral.domain.Case;
import vn.childprotection.platform.referral.domain.CaseOpening;
import vn.childprotection.platform.referral.domain.OutboxMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.nationalRuleset;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.report;

/** The outbox relay: once on the topic, with the store, the producer and the topics as fakes. */
class OutboxRelayServiceTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private final Fakes.MutableClock clock = new Fakes.MutableClock(Instant.parse("2026-11-20T02:15:04Z"));
    private final Fakes.InMemoryCases cases = new Fakes.InMemoryCases();
    private final Fakes.RecordingPublisher publisher = new Fakes.RecordingPublisher();
    private final Fakes.TopicLedger topics = new Fakes.TopicLedger(publisher);
    private final OutboxRelayService relay = new OutboxRelayService(cases, publisher, topics, CaseMetrics.NONE, clock,
            "instance-a", LEASE, 100);

    private Case opened(Concern concern) {
        return ((CaseOpening.Opened) Case.open(report().concerns(concern).build(), nationalRuleset(),
                clock.instant())).opened();
    }

    private Case stored(Concern concern) {
        Case opened = opened(concern);
        cases.insertIfAbsent(opened);
        return opened;
    }

    /** As the report's hot path stores it: inserted already claimed for this relay. */
    private Case storedClaimed(Concern concern, RelayOutboxUseCase.Claim claim) {
        Case opened = opened(concern);
        assertThat(cases.insertClaimedIfAbsent(opened, claim.owner(), claim.leaseUntil())).isTrue();
        return opened;
    }

    private static List<String> eventIds(Case c) {
        return c.outbox().stream().map(OutboxMessage::eventId).toList();
    }

    /** A relay that claimed the case, got the broker's acknowledgements for the first {@code n} and was killed. */
    private void killedAfterTheBrokersAcknowledgement(Case c, int n) {
        cases.leaseTo(c.caseId(), "instance-b/killed", clock.instant().plus(LEASE));
        c.outbox().subList(0, n).forEach(publisher::alreadyOnTopic);
    }

    @Test
    void sendsAllPendingMessagesInOneBatchInOrderAndMarksThemWithoutCheckingTheTopics() {
        Case opened = stored(Concern.VIOLENCE);

        RelayResult result = relay.relay(opened.caseId());

        assertThat(result.complete()).isTrue();
        assertThat(publisher.batches).as("one send-then-wait round").hasSize(1);
        assertThat(publisher.eventIds()).containsExactlyElementsOf(eventIds(opened));
        assertThat(cases.findById(opened.caseId()).orElseThrow().outbox())
                .allSatisfy(m -> assertThat(m.publishedAt()).isEqualTo(clock.instant()));
        assertThat(topics.checks).as("the hot path never reads the topics").isZero();
        assertThat(cases.uncertain(opened.caseId())).isFalse();
        assertThat(relay.relay(opened.caseId()).claimed()).as("nothing left to claim").isFalse();
    }

    @Test
    void aCaseInsertedAlreadyClaimedIsPublishedAtOnceAndTheSweepLeavesItAlone() {
        RelayOutboxUseCase.Claim claim = relay.newClaim();
        Case opened = storedClaimed(Concern.VIOLENCE, claim);
        assertThat(relay.sweep()).as("claimed by the inserting relay").isZero();

        RelayResult result = relay.relayInserted(opened, claim);

        assertThat(result.complete()).isTrue();
        assertThat(publisher.eventIds()).containsExactlyElementsOf(eventIds(opened));
        assertThat(topics.checks).as("the hot path never reads the topics").isZero();
        assertThat(relay.relay(opened.caseId()).claimed()).as("nothing left to claim").isFalse();
    }

    @Test
    void aCaseInsertedClaimedByARelayThatDiedIsCheckedAndPublishedOnceTheLeaseRunsOut() {
        Case opened = storedClaimed(Concern.NEGLECT, relay.newClaim());
        opened.outbox().subList(0, 1).forEach(publisher::alreadyOnTopic); // acknowledged, then the process died

        assertThat(relay.sweep()).isZero();
        clock.advance(LEASE.plusSeconds(1));
        assertThat(relay.sweep()).isEqualTo(1);

        assertThat(topics.checks).as("an expired claim in place: the topics are checked first").isEqualTo(1);
        assertThat(publisher.eventIds()).as("each message once on its topic")
                .containsExactlyInAnyOrderElementsOf(eventIds(opened));
    }

    @Test
    void aPartlyFailedBatchMarksOnlyTheAcknowledgedMessagesFlagsTheCaseAndTheSweepSendsTheRestOnce() {
        Case opened = stored(Concern.SEXUAL_ABUSE);
        publisher.failWhen = m -> m.eventType().equals(ReferralIssued.TYPE);
        long referralIssued = opened.outbox().stream().filter(m -> m.eventType().equals(ReferralIssued.TYPE)).count();

        RelayResult first = relay.relay(opened.caseId());

        assertThat(first.complete()).isFalse();
        assertThat(first.published()).isEqualTo(opened.outbox().size() - referralIssued);
        Case afterFailure = cases.findById(opened.caseId()).orElseThrow();
        assertThat(afterFailure.pendingMessages()).hasSize((int) referralIssued)
                .allSatisfy(m -> assertThat(m.eventType()).isEqualTo(ReferralIssued.TYPE));
        assertThat(cases.uncertain(opened.caseId())).as("a failed send may still have been written").isTrue();

        publisher.failWhen = m -> false;
        clock.advance(Duration.ofSeconds(1));
        assertThat(relay.sweep()).isEqualTo(1);

        assertThat(topics.checks).as("the retry checked the topics first").isEqualTo(1);
        assertThat(publisher.eventIds()).containsExactlyInAnyOrderElementsOf(eventIds(opened));
        assertThat(cases.findById(opened.caseId()).orElseThrow().outboxPending()).isFalse();
        assertThat(cases.uncertain(opened.caseId())).isFalse();
    }

    @Test
    void aSendWrittenByTheBrokerWhoseAcknowledgementWasLostIsFoundOnTheTopicAndNotSentAgain() {
        Case opened = stored(Concern.SEXUAL_ABUSE);
        publisher.writtenButUnacknowledged = m -> m.eventType().equals(AgencyReferral.TYPE);

        assertThat(relay.relay(opened.caseId()).complete()).isFalse();
        publisher.writtenButUnacknowledged = m -> false;
        clock.advance(Duration.ofSeconds(1));
        assertThat(relay.sweep()).isEqualTo(1);

        assertThat(publisher.eventIds()).as("every message once on its topic")
                .containsExactlyInAnyOrderElementsOf(eventIds(opened));
        assertThat(publisher.batches).hasSize(1);
        assertThat(cases.findById(opened.caseId()).orElseThrow().outbox()).allSatisfy(m ->
                assertThat(m.pending()).isFalse());
    }

    @Test
    void aRelayKilledBetweenTheBrokersAcknowledgementAndTheMarkingDoesNotPublishTwice() {
        Case opened = stored(Concern.NEGLECT);
        killedAfterTheBrokersAcknowledgement(opened, 3);

        assertThat(relay.sweep()).as("the dead relay's lease still runs").isZero();
        clock.advance(LEASE.plusSeconds(1));
        RelayResult result = relay.relay(opened.caseId());

        assertThat(result.complete()).isTrue();
        assertThat(result.published()).isEqualTo(opened.outbox().size() - 3);
        assertThat(topics.checks).isEqualTo(1);
        assertThat(publisher.batches).singleElement().satisfies(batch -> assertThat(batch)
                .map(OutboxMessage::eventId).containsExactlyElementsOf(eventIds(opened).subList(3,
                        opened.outbox().size())));
        assertThat(publisher.eventIds()).containsExactlyElementsOf(eventIds(opened));
        assertThat(cases.findById(opened.caseId()).orElseThrow().outboxPending()).isFalse();
    }

    @Test
    void aCaseWhoseMessagesAreAllAlreadyOnTheirTopicsIsCompletedWithoutSending() {
        Case opened = stored(Concern.VIOLENCE);
        killedAfterTheBrokersAcknowledgement(opened, opened.outbox().size());
        clock.advance(LEASE.plusSeconds(1));

        RelayResult result = relay.relay(opened.caseId());

        assertThat(result.complete()).isTrue();
        assertThat(result.published()).isZero();
        assertThat(publisher.batches).isEmpty();
        assertThat(cases.findById(opened.caseId()).orElseThrow().outboxPending()).isFalse();
    }

    @Test
    void whenTheTopicsCannotBeCheckedNothingIsSentAndTheCaseStaysPendingAndFlaggedUntilTheyCan() {
        Case opened = stored(Concern.NEGLECT);
        killedAfterTheBrokersAcknowledgement(opened, 2);
        clock.advance(LEASE.plusSeconds(1));
        topics.down = true;

        RelayResult blind = relay.relay(opened.caseId());

        assertThat(blind.claimed()).isTrue();
        assertThat(blind.complete()).isFalse();
        assertThat(publisher.batches).as("nothing sent blind").isEmpty();
        assertThat(cases.findById(opened.caseId()).orElseThrow().pendingMessages()).hasSize(opened.outbox().size());
        assertThat(cases.uncertain(opened.caseId())).as("the claim is released, the doubt is kept").isTrue();

        topics.down = false;
        clock.advance(Duration.ofSeconds(1));
        assertThat(relay.sweep()).isEqualTo(1);

        assertThat(publisher.eventIds()).containsExactlyInAnyOrderElementsOf(eventIds(opened));
        assertThat(cases.uncertain(opened.caseId())).isFalse();
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
        assertThat(topics.checks).as("never claimed before: nothing to check").isZero();
    }
}
