package vn.childprotection.platform.referral.domain;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.Agencies;
import vn.childprotection.platform.contracts.CaseEvent;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.EscalationRaised.DeadlineKind;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.Ids;
import vn.childprotection.platform.contracts.ReferralOverdue;
import vn.childprotection.platform.contracts.ReferralOverdue.Stage;
import vn.childprotection.platform.contracts.ResponseAction;
import vn.childprotection.platform.contracts.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.platform.referral.domain.AgencyResponseTest.open;
import static vn.childprotection.platform.referral.domain.AgencyResponseTest.referral;
import static vn.childprotection.platform.referral.fixtures.ResponseFixtures.response;
import static vn.childprotection.platform.referral.fixtures.RoutingFixtures.shippedRouting;

/** The watchdog's decisions on a case (S0 Art 5.4): reminder at the deadline, escalation after the grace, once. */
class DeadlineWatchTest {

    /** receivedAt of the fixtures: 2026-11-20T02:15:00Z; HIGH acknowledgement 4 h, grace 2 h. */
    private static final Instant ACK_DUE = Instant.parse("2026-11-20T06:15:00Z");

    @Test
    void nothingFiresBeforeADeadline() {
        Case c = open(Concern.HIV_AIDS, Severity.HIGH);
        assertThat(c.nextWatchAt()).isEqualTo(ACK_DUE);
        assertThat(c.watch(ACK_DUE.minusMillis(1))).isEmpty();
    }

    @Test
    void aMissedDeadlineIsRemindedThenEscalatedAfterTheGraceEachOnce() {
        Case c = open(Concern.HIV_AIDS, Severity.HIGH);

        Case.Watch reminded = c.watch(ACK_DUE).orElseThrow();
        assertThat(reminded.fired()).hasSize(2).allSatisfy(f -> {
            assertThat(f.deadline()).isEqualTo(DeadlineKind.ACKNOWLEDGEMENT);
            assertThat(f.stage()).isEqualTo(Stage.REMINDER);
        });
        Case afterReminder = reminded.updated();
        assertThat(afterReminder.watch(ACK_DUE.plus(Duration.ofMinutes(119)))).isEmpty();
        assertThat(afterReminder.nextWatchAt()).isEqualTo(ACK_DUE.plus(Duration.ofHours(2)));

        Case.Watch escalated = afterReminder.watch(ACK_DUE.plus(Duration.ofHours(2))).orElseThrow();
        assertThat(escalated.fired()).extracting(Case.Firing::stage).containsOnly(Stage.ESCALATED).hasSize(2);
        List<ReferralOverdue> events = escalated.updated().outbox().subList(afterReminder.outbox().size(),
                escalated.updated().outbox().size()).stream()
                .map(m -> (ReferralOverdue) EventJson.read(m.payload(), CaseEvent.class)).toList();
        assertThat(events).allSatisfy(e -> {
            assertThat(e.eventId()).isEqualTo(Ids.nameBased(ReferralOverdue.TYPE, e.referralId(),
                    DeadlineKind.ACKNOWLEDGEMENT.name(), Stage.ESCALATED.name()));
            assertThat(e.dueAt()).isEqualTo(ACK_DUE);
            assertThat(e.severity()).isEqualTo(Severity.HIGH);
        });

        // the support plan (5 working days) is the next thing to watch; the acknowledgement never fires again
        Case later = escalated.updated();
        assertThat(later.watch(ACK_DUE.plus(Duration.ofHours(5)))).isEmpty();
        assertThat(later.nextWatchAt()).isEqualTo(Instant.parse("2026-11-27T02:15:00Z"));
    }

    @Test
    void aWatchdogThatWasDownRemindsAndEscalatesAtOnce() {
        Case c = open(Concern.HIV_AIDS, Severity.HIGH);
        Case.Watch late = c.watch(ACK_DUE.plus(Duration.ofHours(3))).orElseThrow();
        assertThat(late.fired()).extracting(Case.Firing::stage)
                .containsExactly(Stage.REMINDER, Stage.ESCALATED, Stage.REMINDER, Stage.ESCALATED);
    }

    @Test
    void anAnsweredOrEndedReferralIsNotChased() {
        Case c = open(Concern.HIV_AIDS, Severity.HIGH);
        c = ((ResponseDecision.Applied) c.respond(response(c, referral(c, Agencies.HEALTH),
                ResponseAction.ACKNOWLEDGED).build(), ACK_DUE.minusSeconds(60), shippedRouting())).updated();
        c = ((ResponseDecision.Applied) c.respond(response(c, referral(c, Agencies.SOCIAL_AFFAIRS),
                ResponseAction.FORWARDED).forwardTo(Agencies.POLICE).build(), ACK_DUE.minusSeconds(60),
                shippedRouting())).updated();

        Case.Watch watch = c.watch(ACK_DUE).orElse(null);
        // only the POLICE referral issued by the forward could be due, and its fresh deadline is not yet
        assertThat(watch).isNull();
    }
}
