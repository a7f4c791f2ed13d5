package vn.childprotection.platform.referral.application;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.Agencies;
import vn.childprotection.platform.contracts.CaseStatus;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ReferralOverdue;
import vn.childprotection.platform.contracts.ReferralStatus;
import vn.childprotection.platform.contracts.ResponseAction;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.referral.application.port.in.RespondToReferralUseCase;
import vn.childprotection.platform.referral.application.port.in.RespondToReferralUseCase.Channel;
import vn.childprotection.platform.referral.application.port.out.CaseMetrics;
import vn.childprotection.platform.referral.domain.Case;
import vn.childprotection.platform.referral.domain.OutboxMessage;
import vn.childprotection.platform.referral.domain.Referral;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.report;
import static vn.childprotection.platform.referral.fixtures.ResponseFixtures.response;
import static vn.childprotection.platform.referral.fixtures.RoutingFixtures.shippedRouting;

/** Applying responses and running the watchdog against the store's single-document semantics, on a mutable clock. */
class AgencyLoopServicesTest {

    /** receivedAt of the fixtures 02:15Z; HIGH acknowledgement 4 h, escalation 2 h later. */
    private static final Instant ACK_DUE = Instant.parse("2026-11-20T06:15:00Z");

    private final Fakes.MutableClock clock = new Fakes.MutableClock(Instant.parse("2026-11-20T02:16:00Z"));
    private final Fakes.InMemoryCases cases = new Fakes.InMemoryCases();
    private final Fakes.RecordingPublisher publisher = new Fakes.RecordingPublisher();
    private final Fakes.InMemoryLeases leases = new Fakes.InMemoryLeases();
    private final Fakes.RecordingRejections rejections = new Fakes.RecordingRejections();
    private final List<String> counted = new ArrayList<>();
    private final CaseMetrics metrics = new CaseMetrics() {
        @Override
        public void caseOpened(vn.childprotection.platform.contracts.ContactType c, Severity s) {
        }

        @Override
        public void referralIssued(String agency, vn.childprotection.platform.contracts.ReferralRole role) {
        }

        @Override
        public void messagePublished(String eventType, Duration sinceOpened) {
        }

        @Override
        public void publishFailed(String eventType) {
        }

        @Override
        public void pendingCases(long count) {
        }

        @Override
        public void responseRejected(String code) {
            counted.add("rejected:" + code);
        }

        @Override
        public void responseDuplicate(String channel) {
            counted.add("duplicate:" + channel);
        }

        @Override
        public void referralOverdue(String deadline, String stage) {
            counted.add(deadline + ":" + stage);
        }
    };
    private final OutboxRelayService relay = new OutboxRelayService(cases, publisher,
            new Fakes.TopicLedger(publisher), metrics, clock, "test",
            Duration.ofSeconds(30), 100);
    private final RespondToReferralService responses = new RespondToReferralService(cases, () -> shippedRouting(),
            relay, rejections, metrics, clock, 3);

    private WatchDeadlinesService watchdog(String instance) {
        return new WatchDeadlinesService(cases, leases, relay, metrics, clock, instance, Duration.ofSeconds(60), 100);
    }

    @Test
    void anAppliedResponseIsStoredWithItsMessagesAndPublishedAtOnce() {
        Case c = stored();
        Referral police = referral(c, Agencies.POLICE);

        RespondToReferralUseCase.Outcome outcome = responses.respond(response(c, police, ResponseAction.ACCEPTED)
                .build(), Channel.KAFKA);

        assertThat(outcome).isInstanceOf(RespondToReferralUseCase.Applied.class);
        Case now = cases.findById(c.caseId()).orElseThrow();
        assertThat(now.version()).isEqualTo(1);
        assertThat(now.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(referral(now, Agencies.POLICE).status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(now.outboxPending()).isFalse();
        assertThat(publisher.eventIds()).containsExactlyElementsOf(now.outbox().stream()
                .map(OutboxMessage::eventId).toList());
    }

    @Test
    void aConcurrentChangeIsDecidedAgainOnTheNewStateAndGivesUpAfterTheAttempts() {
        Case c = stored();
        cases.conflicts = 2;
        assertThat(responses.respond(response(c, referral(c, Agencies.POLICE), ResponseAction.ACCEPTED).build(),
                Channel.KAFKA)).isInstanceOf(RespondToReferralUseCase.Applied.class);

        cases.conflicts = 3;
        assertThatThrownBy(() -> responses.respond(response(c, referral(c, Agencies.HEALTH),
                ResponseAction.ACCEPTED).build(), Channel.KAFKA))
                .isInstanceOf(RespondToReferralUseCase.ConcurrentChangeException.class);
        assertThat(referral(cases.findById(c.caseId()).orElseThrow(), Agencies.HEALTH).status())
                .isEqualTo(ReferralStatus.ISSUED);
    }

    @Test
    void aRefusedResponseIsRecordedWithCodesOnlyAndCountedAndADuplicateIsSkipped() {
        Case c = stored();
        Referral police = referral(c, Agencies.POLICE);
        var accepted = response(c, police, ResponseAction.ACCEPTED).build();
        responses.respond(accepted, Channel.KAFKA);
        long version = cases.findById(c.caseId()).orElseThrow().version();

        var refused = responses.respond(response(c, police, ResponseAction.DECLINED).build(), Channel.HTTP);
        var duplicate = responses.respond(accepted, Channel.KAFKA);

        assertThat(refused).isInstanceOfSatisfying(RespondToReferralUseCase.Rejected.class,
                r -> assertThat(r.code()).isEqualTo("transition-not-allowed"));
        assertThat(duplicate).isInstanceOf(RespondToReferralUseCase.Duplicate.class);
        assertThat(rejections.recorded).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("transition-not-allowed");
            assertThat(r.referralId()).isEqualTo(police.referralId());
            assertThat(r.channel()).isEqualTo("HTTP");
        });
        assertThat(counted).containsExactly("rejected:transition-not-allowed", "duplicate:KAFKA");
        assertThat(cases.findById(c.caseId()).orElseThrow().version()).isEqualTo(version);
    }

    @Test
    void theWatchdogRemindsAtTheDeadlineEscalatesAfterTheGraceAndNeverFiresTwiceEvenAfterARestart() {
        Case c = stored();
        int referrals = c.referrals().size(); // SEXUAL_ABUSE HIGH: 6 referrals, 2 of them PRIMARY

        clock.advanceTo(ACK_DUE.minusSeconds(1));
        assertThat(watchdog("a").runOnce()).isZero();

        clock.advanceTo(ACK_DUE);
        assertThat(watchdog("a").runOnce()).isEqualTo(referrals);
        assertThat(watchdog("a").runOnce()).as("same instance again").isZero();
        assertThat(watchdog("b").runOnce()).as("a restarted or second instance").isZero();

        clock.advance(Duration.ofHours(2));
        assertThat(watchdog("b").runOnce()).isEqualTo(referrals);
        assertThat(watchdog("c").runOnce()).isZero();

        List<String> overdue = published(ReferralOverdue.TYPE);
        assertThat(overdue).hasSize(2 * referrals).doesNotHaveDuplicates();
        assertThat(counted).filteredOn(s -> s.equals("ACKNOWLEDGEMENT:REMINDER")).hasSize(referrals);
        assertThat(counted).filteredOn(s -> s.equals("ACKNOWLEDGEMENT:ESCALATED")).hasSize(referrals);
    }

    @Test
    void theWatchdogDoesNothingWhileAnotherInstanceHoldsItsLease() {
        stored();
        clock.advanceTo(ACK_DUE);
        leases.claim(WatchDeadlinesService.JOB, "other", clock.instant(), clock.instant().plusSeconds(60));

        assertThat(watchdog("a").runOnce()).isZero();

        clock.advance(Duration.ofSeconds(61));
        assertThat(watchdog("a").runOnce()).isPositive();
    }

    @Test
    void anAcknowledgedReferralIsNotReminded() {
        Case c = stored();
        for (Referral referral : c.referrals()) {
            responses.respond(response(c, referral, ResponseAction.ACKNOWLEDGED).build(), Channel.HTTP);
        }
        clock.advanceTo(ACK_DUE.plus(Duration.ofHours(3)));

        assertThat(watchdog("a").runOnce()).isZero();
        assertThat(published(ReferralOverdue.TYPE)).isEmpty();
    }

    private List<String> published(String type) {
        return publisher.published.stream().filter(m -> type.equals(m.eventType())).map(OutboxMessage::eventId)
                .toList();
    }

    private Case stored() {
        Case c = ((vn.childprotection.platform.referral.domain.CaseOpening.Opened) Case.open(
                report().concerns(Concern.SEXUAL_ABUSE).build(), shippedRouting(), clock.instant())).opened();
        cases.insertIfAbsent(c);
        relay.relay(c.caseId());
        return cases.findById(c.caseId()).orElseThrow();
    }

    private static Referral referral(Case c, String agency) {
        return c.referrals().stream().filter(r -> r.agency().equals(agency)).findFirst().orElseThrow();
    }
}
