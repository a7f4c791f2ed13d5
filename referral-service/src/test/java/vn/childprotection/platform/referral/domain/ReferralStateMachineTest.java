package vn.childprotection.platform.referral.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.childprotection.platform.contracts.Agencies;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ReferralStatus;
import vn.childprotection.platform.contracts.ResponseAction;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.report;
import static vn.childprotection.platform.referral.fixtures.ResponseFixtures.response;
import static vn.childprotection.platform.referral.fixtures.RoutingFixtures.shippedRouting;

/**
 * Every referral status × every agency action, through the case aggregate: the allowed transitions move the referral,
 * every other one is refused as {@code transition-not-allowed} and changes nothing (S0 Art 7.2).
 */
class ReferralStateMachineTest {

    private static final Instant NOW = Instant.parse("2026-11-20T04:00:00Z");
    /** How a referral reaches each status from ISSUED. */
    private static final Map<ReferralStatus, List<ResponseAction>> PATH = Map.of(
            ReferralStatus.ISSUED, List.of(),
            ReferralStatus.ACKNOWLEDGED, List.of(ResponseAction.ACKNOWLEDGED),
            ReferralStatus.ACCEPTED, List.of(ResponseAction.ACCEPTED),
            ReferralStatus.IN_PROGRESS, List.of(ResponseAction.ACCEPTED, ResponseAction.IN_PROGRESS),
            ReferralStatus.DECLINED, List.of(ResponseAction.DECLINED),
            ReferralStatus.FORWARDED, List.of(ResponseAction.FORWARDED),
            ReferralStatus.COMPLETED, List.of(ResponseAction.ACCEPTED, ResponseAction.COMPLETED));

    @ParameterizedTest(name = "{0} + {1} → {2}")
    @CsvSource({
            "ISSUED, ACKNOWLEDGED, ACKNOWLEDGED",
            "ISSUED, ACCEPTED, ACCEPTED",
            "ISSUED, IN_PROGRESS, REFUSED",
            "ISSUED, DECLINED, DECLINED",
            "ISSUED, FORWARDED, FORWARDED",
            "ISSUED, COMPLETED, REFUSED",
            "ACKNOWLEDGED, ACKNOWLEDGED, REFUSED",
            "ACKNOWLEDGED, ACCEPTED, ACCEPTED",
            "ACKNOWLEDGED, IN_PROGRESS, REFUSED",
            "ACKNOWLEDGED, DECLINED, DECLINED",
            "ACKNOWLEDGED, FORWARDED, FORWARDED",
            "ACKNOWLEDGED, COMPLETED, REFUSED",
            "ACCEPTED, ACKNOWLEDGED, REFUSED",
            "ACCEPTED, ACCEPTED, REFUSED",
            "ACCEPTED, IN_PROGRESS, IN_PROGRESS",
            "ACCEPTED, DECLINED, REFUSED",
            "ACCEPTED, FORWARDED, FORWARDED",
            "ACCEPTED, COMPLETED, COMPLETED",
            "IN_PROGRESS, ACKNOWLEDGED, REFUSED",
            "IN_PROGRESS, ACCEPTED, REFUSED",
            "IN_PROGRESS, IN_PROGRESS, IN_PROGRESS",
            "IN_PROGRESS, DECLINED, REFUSED",
            "IN_PROGRESS, FORWARDED, REFUSED",
            "IN_PROGRESS, COMPLETED, COMPLETED",
            "DECLINED, ACKNOWLEDGED, REFUSED",
            "DECLINED, ACCEPTED, REFUSED",
            "DECLINED, IN_PROGRESS, REFUSED",
            "DECLINED, DECLINED, REFUSED",
            "DECLINED, FORWARDED, REFUSED",
            "DECLINED, COMPLETED, REFUSED",
            "FORWARDED, ACKNOWLEDGED, REFUSED",
            "FORWARDED, ACCEPTED, REFUSED",
            "FORWARDED, IN_PROGRESS, REFUSED",
            "FORWARDED, DECLINED, REFUSED",
            "FORWARDED, FORWARDED, REFUSED",
            "FORWARDED, COMPLETED, REFUSED",
            "COMPLETED, ACKNOWLEDGED, REFUSED",
            "COMPLETED, ACCEPTED, REFUSED",
            "COMPLETED, IN_PROGRESS, REFUSED",
            "COMPLETED, DECLINED, REFUSED",
            "COMPLETED, FORWARDED, REFUSED",
            "COMPLETED, COMPLETED, REFUSED"})
    void aResponseMovesTheReferralOnlyAlongAnAllowedTransition(ReferralStatus status, ResponseAction action,
                                                               String expected) {
        Case before = caseWithHealthReferralIn(status);
        Referral referral = health(before);

        ResponseDecision decision = before.respond(response(before, referral, action).forwardTo(Agencies.POLICE)
                .build(), NOW, shippedRouting());

        if (expected.equals("REFUSED")) {
            assertThat(decision).isInstanceOfSatisfying(ResponseDecision.Rejected.class, rejected -> {
                assertThat(rejected.code()).isEqualTo("transition-not-allowed");
                assertThat(rejected.detail()).contains(referral.referralId()).contains(status.name())
                        .contains(action.name());
            });
            assertThat(ReferralStateMachine.next(status, action)).isEmpty();
        } else {
            ReferralStatus to = ReferralStatus.valueOf(expected);
            assertThat(decision).isInstanceOfSatisfying(ResponseDecision.Applied.class, applied -> {
                assertThat(applied.from()).isEqualTo(status);
                assertThat(applied.to()).isEqualTo(to);
                assertThat(health(applied.updated()).status()).isEqualTo(to);
                assertThat(health(applied.updated()).history().getLast().action()).isEqualTo(action);
            });
            assertThat(ReferralStateMachine.next(status, action)).contains(to);
        }
    }

    @Test
    void declinedForwardedAndCompletedAreTerminalAndNothingElseIs() {
        Set<ReferralStatus> terminal = EnumSet.noneOf(ReferralStatus.class);
        for (ReferralStatus status : ReferralStatus.values()) {
            if (ReferralStateMachine.terminal(status)) {
                terminal.add(status);
                assertThat(ReferralStateMachine.allowed(status)).isEmpty();
            } else {
                assertThat(ReferralStateMachine.allowed(status)).isNotEmpty();
            }
        }
        assertThat(terminal).containsExactlyInAnyOrder(ReferralStatus.DECLINED, ReferralStatus.FORWARDED,
                ReferralStatus.COMPLETED);
    }

    /** An HIV/AIDS case: SOCIAL_AFFAIRS primary, HEALTH supporting (the referral under test). */
    private static Case caseWithHealthReferralIn(ReferralStatus status) {
        Case c = ((CaseOpening.Opened) Case.open(report().concerns(Concern.HIV_AIDS).build(), shippedRouting(),
                Instant.parse("2026-11-20T02:16:00Z"))).opened();
        for (ResponseAction step : PATH.get(status)) {
            ResponseDecision decision = c.respond(response(c, health(c), step).forwardTo(Agencies.POLICE).build(),
                    NOW, shippedRouting());
            c = ((ResponseDecision.Applied) decision).updated();
        }
        assertThat(health(c).status()).isEqualTo(status);
        return c;
    }

    private static Referral health(Case c) {
        return c.referrals().stream().filter(r -> r.agency().equals(Agencies.HEALTH)).findFirst().orElseThrow();
    }
}
