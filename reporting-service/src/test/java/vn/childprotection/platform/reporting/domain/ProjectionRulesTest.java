package vn.childprotection.platform.reporting.domain;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.Agencies;
import vn.childprotection.platform.contracts.CaseOpened;
import vn.childprotection.platform.contracts.CaseStatus;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.ReferralIssued;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.ReferralStatus;
import vn.childprotection.platform.contracts.Sex;
import vn.childprotection.platform.reporting.fixtures.CaseEvents;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionRulesTest {

    private final CaseEvents.CaseOpenedBuilder aCase = CaseEvents.aCase("rules")
            .concerns(Concern.SEXUAL_ABUSE, Concern.VIOLENCE)
            .province("11", "094")
            .child(Sex.FEMALE, 12)
            .intervention(3);

    @Test
    void a_case_opened_creates_one_fact_holding_the_case_without_personal_data() {
        CaseOpened event = aCase.build();

        CaseFact fact = applied(ProjectionRules.caseOpened(Optional.empty(), event));

        assertThat(fact.caseId()).isEqualTo(event.caseId());
        assertThat(fact.reportId()).isEqualTo(event.reportId().toString());
        assertThat(fact.receivedAt()).isEqualTo(event.receivedAt().toInstant());
        assertThat(fact.contactType()).isEqualTo(ContactType.INTERVENTION);
        assertThat(fact.concerns()).containsExactly(Concern.SEXUAL_ABUSE, Concern.VIOLENCE);
        assertThat(fact.provinceCode()).isEqualTo("11");
        assertThat(fact.districtCode()).isEqualTo("094");
        assertThat(fact.communeCode()).isNull();
        assertThat(fact.childSex()).isEqualTo(Sex.FEMALE);
        assertThat(fact.childAgeYears()).isEqualTo(12);
        assertThat(fact.status()).isEqualTo(CaseStatus.REFERRED);
        assertThat(fact.referralCount()).isEqualTo(3);
        assertThat(fact.openedAt()).isEqualTo(event.occurredAt());
        assertThat(fact.lastEventId()).isEqualTo(event.eventId());
    }

    @Test
    void the_reception_date_is_the_vietnamese_calendar_date() {
        OffsetDateTime lateEveningUtc = OffsetDateTime.of(2026, 3, 31, 18, 30, 0, 0, ZoneOffset.UTC);

        CaseFact fact = applied(ProjectionRules.caseOpened(Optional.empty(),
                aCase.receivedAt(lateEveningUtc).build()));

        assertThat(fact.receivedDate()).isEqualTo(LocalDate.of(2026, 4, 1));
    }

    @Test
    void applying_the_same_case_opened_again_changes_nothing() {
        CaseOpened event = aCase.build();
        CaseFact fact = applied(ProjectionRules.caseOpened(Optional.empty(), event));

        assertThat(ProjectionRules.caseOpened(Optional.of(fact), event))
                .isEqualTo(Projection.unchanged(Projection.Reason.DUPLICATE));
    }

    @Test
    void a_redelivery_with_a_later_timestamp_is_still_the_same_event() {
        CaseOpened event = aCase.build();
        CaseFact fact = applied(ProjectionRules.caseOpened(Optional.empty(), event));
        CaseOpened republished = aCase.occurredAt(event.occurredAt().plusSeconds(3600)).build();

        assertThat(ProjectionRules.caseOpened(Optional.of(fact), republished))
                .isEqualTo(Projection.unchanged(Projection.Reason.DUPLICATE));
    }

    @Test
    void an_older_event_does_not_overwrite_a_fact_that_reflects_a_newer_one() {
        CaseOpened older = aCase.build();
        CaseFact newer = withVersion(applied(ProjectionRules.caseOpened(Optional.empty(), older)),
                "later-event", older.occurredAt().plusSeconds(60), CaseStatus.IN_PROGRESS);

        assertThat(ProjectionRules.caseOpened(Optional.of(newer), older))
                .isEqualTo(Projection.unchanged(Projection.Reason.STALE));
    }

    @Test
    void a_newer_event_replaces_the_fact() {
        CaseOpened event = aCase.build();
        CaseFact older = withVersion(applied(ProjectionRules.caseOpened(Optional.empty(), event)),
                "earlier-event", event.occurredAt().minusSeconds(60), CaseStatus.RECORDED);

        CaseFact fact = applied(ProjectionRules.caseOpened(Optional.of(older), event));

        assertThat(fact.status()).isEqualTo(CaseStatus.REFERRED);
        assertThat(fact.lastEventId()).isEqualTo(event.eventId());
    }

    @Test
    void events_at_the_same_millisecond_are_ordered_by_event_id_so_every_replay_agrees() {
        Instant at = Instant.parse("2026-11-20T02:15:03.123456Z");
        EventVersion a = new EventVersion(at, "a");
        EventVersion b = new EventVersion(at.plusNanos(100), "b");

        assertThat(a.isOlderThan(b)).isTrue();
        assertThat(b.isOlderThan(a)).isFalse();
        assertThat(a.occurredAt()).isEqualTo(Instant.parse("2026-11-20T02:15:03.123Z"));
    }

    @Test
    void a_referral_issued_creates_its_fact_with_the_case_province_and_reception_date() {
        CaseFact caseFact = applied(ProjectionRules.caseOpened(Optional.empty(), aCase.build()));
        ReferralIssued event = aCase.referral(Agencies.POLICE, ReferralRole.PRIMARY).build();

        ReferralFact fact = applied(ProjectionRules.referralIssued(Optional.empty(), event,
                Optional.of(ProjectionRules.referralContext(caseFact))));

        assertThat(fact.referralId()).isEqualTo(event.referralId());
        assertThat(fact.caseId()).isEqualTo(caseFact.caseId());
        assertThat(fact.agency()).isEqualTo(Agencies.POLICE);
        assertThat(fact.role()).isEqualTo(ReferralRole.PRIMARY);
        assertThat(fact.areaCode()).isEqualTo("094");
        assertThat(fact.status()).isEqualTo(ReferralStatus.ISSUED);
        assertThat(fact.issuedAt()).isEqualTo(event.occurredAt());
        assertThat(fact.ruleId()).isEqualTo(event.ruleId());
        assertThat(fact.caseContext()).isEqualTo(new CaseContext("11", caseFact.receivedAt(),
                caseFact.receivedDate(), ContactType.INTERVENTION));
    }

    @Test
    void a_referral_seen_before_its_case_gets_the_case_context_on_redelivery() {
        ReferralIssued event = aCase.referral(Agencies.HEALTH, ReferralRole.SUPPORTING).build();
        ReferralFact withoutCase = applied(ProjectionRules.referralIssued(Optional.empty(), event, Optional.empty()));
        CaseContext context = applied(ProjectionRules.caseOpened(Optional.empty(), aCase.build())).context();

        ReferralFact fact = applied(ProjectionRules.referralIssued(Optional.of(withoutCase), event,
                Optional.of(context)));

        assertThat(withoutCase.caseContext()).isNull();
        assertThat(fact).isEqualTo(withoutCase.withCaseContext(context));
        assertThat(ProjectionRules.referralIssued(Optional.of(fact), event, Optional.of(context)))
                .isEqualTo(Projection.unchanged(Projection.Reason.DUPLICATE));
    }

    @Test
    void an_older_referral_event_does_not_overwrite_newer_referral_state() {
        ReferralIssued issued = aCase.referral(Agencies.POLICE, ReferralRole.PRIMARY).build();
        ReferralIssued accepted = aCase.referral(Agencies.POLICE, ReferralRole.PRIMARY)
                .eventId("accepted-later").occurredAt(issued.occurredAt().plusSeconds(600))
                .status(ReferralStatus.ACCEPTED).build();
        ReferralFact newer = applied(ProjectionRules.referralIssued(Optional.empty(), accepted, Optional.empty()));

        assertThat(ProjectionRules.referralIssued(Optional.of(newer), issued, Optional.empty()))
                .isEqualTo(Projection.unchanged(Projection.Reason.STALE));
    }

    private static <F> F applied(Projection<F> projection) {
        assertThat(projection).isInstanceOf(Projection.Applied.class);
        return ((Projection.Applied<F>) projection).fact();
    }

    private static CaseFact withVersion(CaseFact f, String eventId, Instant at, CaseStatus status) {
        return new CaseFact(f.caseId(), f.reportId(), f.receivedAt(), f.receivedDate(), f.channel(),
                f.contactType(), f.concerns(), f.severity(), f.provinceCode(), f.districtCode(), f.communeCode(),
                f.childSex(), f.childAgeYears(), status, f.referralCount(), f.openedAt(), eventId, at);
    }
}
