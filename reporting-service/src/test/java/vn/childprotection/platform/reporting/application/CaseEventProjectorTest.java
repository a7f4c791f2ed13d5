package vn.childprotection.platform.reporting.application;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.Agencies;
import vn.childprotection.platform.contracts.CaseOpened;
import vn.childprotection.platform.contracts.ReferralIssued;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.reporting.application.port.in.ProjectCaseEventUseCase.Outcome;
import vn.childprotection.platform.reporting.fixtures.CaseEvents;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseEventProjectorTest {

    private static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");

    private final InMemoryFactStore store = new InMemoryFactStore();
    private final CaseEventProjector projector =
            new CaseEventProjector(store, Clock.fixed(NOW, ZoneOffset.UTC));
    private final CaseEvents.CaseOpenedBuilder aCase = CaseEvents.aCase("projector");

    @Test
    void a_redelivered_event_leaves_the_facts_exactly_as_the_first_delivery_did() {
        CaseOpened opened = aCase.build();
        ReferralIssued referral = aCase.referral(Agencies.POLICE, ReferralRole.PRIMARY).build();

        assertThat(projector.project(opened)).isEqualTo(Outcome.APPLIED);
        assertThat(projector.project(referral)).isEqualTo(Outcome.APPLIED);
        var caseAfterFirst = store.cases.get(opened.caseId()).value();
        var referralAfterFirst = store.referrals.get(referral.referralId()).value();

        assertThat(projector.project(opened)).isEqualTo(Outcome.DUPLICATE);
        assertThat(projector.project(referral)).isEqualTo(Outcome.DUPLICATE);

        assertThat(store.cases).hasSize(1);
        assertThat(store.referrals).hasSize(1);
        assertThat(store.cases.get(opened.caseId()).value()).isEqualTo(caseAfterFirst);
        assertThat(store.referrals.get(referral.referralId()).value()).isEqualTo(referralAfterFirst);
    }

    @Test
    void every_delivery_is_noted_in_the_ledger_by_event_id_with_its_outcome() {
        CaseOpened opened = aCase.build();

        projector.project(opened);
        projector.project(opened);

        assertThat(store.ledger).extracting(e -> e.eventId() + " " + e.eventType() + " " + e.outcome())
                .containsExactly(opened.eventId() + " CaseOpened.v1 APPLIED",
                        opened.eventId() + " CaseOpened.v1 DUPLICATE");
        assertThat(store.ledger).allSatisfy(e -> assertThat(e.processedAt()).isEqualTo(NOW));
    }

    @Test
    void a_referral_projected_before_its_case_gets_the_case_context_when_the_case_arrives() {
        ReferralIssued referral = aCase.referral(Agencies.HEALTH, ReferralRole.SUPPORTING).build();

        projector.project(referral);
        assertThat(store.referrals.get(referral.referralId()).value().caseContext()).isNull();
        projector.project(aCase.build());

        assertThat(store.referrals.get(referral.referralId()).value().caseContext().provinceCode()).isEqualTo("11");
    }

    @Test
    void a_lost_compare_and_set_race_is_decided_again_on_fresh_facts() {
        store.loseNextRaces(2);

        assertThat(projector.project(aCase.build())).isEqualTo(Outcome.APPLIED);
        assertThat(store.cases).hasSize(1);
    }

    @Test
    void losing_every_race_fails_the_delivery_so_that_the_consumer_retries_it() {
        store.loseNextRaces(CaseEventProjector.MAX_ATTEMPTS);

        assertThatThrownBy(() -> projector.project(aCase.build()))
                .isInstanceOf(CaseEventProjector.ConcurrentProjectionException.class);
        assertThat(store.ledger).isEmpty();
    }
}
