package vn.childprotection.platform.referral.application;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.access.QueryScope;
import vn.childprotection.platform.contracts.Agencies;
import vn.childprotection.platform.contracts.AgencyReferral;
import vn.childprotection.platform.contracts.CaseStatus;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.Ids;
import vn.childprotection.platform.contracts.PersonalDataErased;
import vn.childprotection.platform.contracts.ReferralOutcome;
import vn.childprotection.platform.contracts.ResponseAction;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.referral.application.port.in.ErasePersonalDataUseCase;
import vn.childprotection.platform.referral.application.port.in.RespondToReferralUseCase.Channel;
import vn.childprotection.platform.referral.application.port.out.CaseMetrics;
import vn.childprotection.platform.referral.application.port.out.PersonalDataAudit;
import vn.childprotection.platform.referral.domain.Case;
import vn.childprotection.platform.referral.domain.CaseOpening;
import vn.childprotection.platform.referral.domain.OutboxMessage;
import vn.childprotection.platform.referral.domain.Referral;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.CHILD_NAME;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.INFORMANT_NAME;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.INFORMANT_PHONE;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.NARRATIVE;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.report;
import static vn.childprotection.platform.referral.fixtures.ResponseFixtures.response;
import static vn.childprotection.platform.referral.fixtures.RoutingFixtures.shippedRouting;

/**
 * Personal data is not kept forever: the retention job on a clock the test moves, under its lease, each purge audited;
 * a coordinator's erasure in its scope; the outbox's copies without personal data once published.
 */
class PersonalDataServiceTest {

    private static final Duration RETENTION = Duration.ofDays(365);
    private static final String AGENCY_NOTE = "Đã gặp cháu Nguyễn Thị Hoa tại nhà bà ngoại.";

    private final Fakes.MutableClock clock = new Fakes.MutableClock(Instant.parse("2026-11-20T02:16:00Z"));
    private final Fakes.InMemoryCases cases = new Fakes.InMemoryCases();
    private final Fakes.RecordingPublisher publisher = new Fakes.RecordingPublisher();
    private final Fakes.InMemoryLeases leases = new Fakes.InMemoryLeases();
    private final RecordingAudit audit = new RecordingAudit();
    private final CaseMetrics metrics = new CaseMetrics() {
        @Override
        public void caseOpened(ContactType c, Severity s) {
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
    };
    private final OutboxRelayService relay = new OutboxRelayService(cases, publisher,
            new Fakes.TopicLedger(publisher), metrics, clock, "test", Duration.ofSeconds(30), 100);
    private final RespondToReferralService responses = new RespondToReferralService(cases, () -> shippedRouting(),
            relay, new Fakes.RecordingRejections(), metrics, clock, 3);

    private PersonalDataService service(String instance) {
        return new PersonalDataService(cases, leases, relay, audit, clock, instance, RETENTION,
                Duration.ofMinutes(10), 100, 3);
    }

    @Test
    void aCompletedCaseKeepsItsPersonalDataForTheRetentionPeriodAfterClosingAndLosesItOnceThatRunsOut() {
        Case c = completed();
        Instant closedAt = clock.instant();

        clock.advanceTo(closedAt.plus(RETENTION).minusSeconds(1));
        assertThat(service("a").runOnce()).isZero();
        assertThat(cases.findById(c.caseId()).orElseThrow().child().fullName()).isEqualTo(CHILD_NAME);

        clock.advanceTo(closedAt.plus(RETENTION));
        assertThat(service("a").runOnce()).isEqualTo(1);
        assertThat(service("b").runOnce()).as("a second pass or instance").isZero();

        Case purged = cases.findById(c.caseId()).orElseThrow();
        assertThat(purged.erasure()).isNotNull();
        assertThat(purged.erasure().cause()).isEqualTo(PersonalDataErased.Cause.RETENTION);
        assertThat(purged.child().fullName()).isNull();
        assertThat(purged.child().sex()).isEqualTo(c.child().sex());
        assertThat(purged.child().ageYears()).isEqualTo(c.child().ageYears());
        assertThat(purged.reporter().fullName()).isNull();
        assertThat(purged.reporter().phone()).isNull();
        assertThat(purged.reporter().relationship()).isEqualTo(c.reporter().relationship());
        assertThat(purged.narrative()).isNull();
        assertThat(purged.referrals()).flatExtracting(Referral::history).allSatisfy(h -> {
            assertThat(h.note()).isNull();
            assertThat(h.reason()).isNull();
        });
        assertThat(purged.referrals()).extracting(Referral::status)
                .containsExactlyElementsOf(c.referrals().stream().map(Referral::status).toList());
        assertThat(purged.referrals()).extracting(Referral::outcome)
                .containsExactlyElementsOf(c.referrals().stream().map(Referral::outcome).toList());
        assertThat(purged.status()).isEqualTo(CaseStatus.COMPLETED);
        assertNoPersonalDataIn(purged);
        assertThat(publisher.published).filteredOn(m -> m.eventType().equals(PersonalDataErased.TYPE))
                .singleElement().satisfies(m -> assertThat(EventJson.read(m.payload(),
                        vn.childprotection.platform.contracts.CaseEvent.class)).isEqualTo(new PersonalDataErased(
                        Ids.nameBased(PersonalDataErased.TYPE, c.caseId()), closedAt.plus(RETENTION), c.caseId(),
                        PersonalDataErased.Cause.RETENTION)));
        assertThat(audit.records).containsExactly("purging " + c.caseId() + " closed " + closedAt);
    }

    @Test
    void aCounsellingContactIsClosedWhenRecordedAndAnOpenCaseIsNeverPurged() {
        Case counselling = stored(report().counselling().build());
        Case open = stored(report().concerns(Concern.SEXUAL_ABUSE).build());

        clock.advance(RETENTION);
        assertThat(service("a").runOnce()).isEqualTo(1);
        clock.advance(RETENTION.multipliedBy(3));
        assertThat(service("a").runOnce()).isZero();

        assertThat(cases.findById(counselling.caseId()).orElseThrow().erased()).isTrue();
        assertThat(cases.findById(open.caseId()).orElseThrow().erased()).isFalse();
        assertThat(cases.findById(open.caseId()).orElseThrow().narrative()).isEqualTo(NARRATIVE);
    }

    @Test
    void theRetentionJobDoesNothingWhileAnotherInstanceHoldsItsLease() {
        Case c = completed();
        clock.advance(RETENTION);
        leases.claim(PersonalDataService.JOB, "other", clock.instant(), clock.instant().plusSeconds(60));

        assertThat(service("a").runOnce()).isZero();
        assertThat(cases.findById(c.caseId()).orElseThrow().erased()).isFalse();

        clock.advance(Duration.ofMinutes(2));
        assertThat(service("a").runOnce()).isEqualTo(1);
    }

    @Test
    void aPurgeThatLosesToAConcurrentChangeIsRecordedAsNotDoneAndDecidedAgainAtTheNextPass() {
        Case c = completed();
        clock.advance(RETENTION);
        cases.conflicts = 1;

        assertThat(service("a").runOnce()).isZero();
        assertThat(service("a").runOnce()).isEqualTo(1);

        assertThat(audit.records).containsExactly("purging " + c.caseId() + " closed " + closedAtOf(c),
                "not done " + c.caseId(), "purging " + c.caseId() + " closed " + closedAtOf(c));
    }

    @Test
    void aCoordinatorErasesACaseOfItsProvinceOnceAndFindsNoneOutsideIt() {
        Case c = stored(report().concerns(Concern.SEXUAL_ABUSE).build());
        String province = c.location().provinceCode();

        var outside = service("a").eraseOnRequest(c.caseId(), new QueryScope.Provinces(Set.of("01")));
        var erased = service("a").eraseOnRequest(c.caseId(), new QueryScope.Provinces(Set.of(province)));
        clock.advance(Duration.ofMinutes(5));
        var again = service("a").eraseOnRequest(c.caseId(), new QueryScope.Provinces(Set.of(province)));

        assertThat(outside).isEqualTo(new ErasePersonalDataUseCase.NotFound(c.caseId()));
        assertThat(erased).isInstanceOfSatisfying(ErasePersonalDataUseCase.Erased.class,
                e -> assertThat(e.erasure().cause()).isEqualTo(PersonalDataErased.Cause.REQUEST));
        assertThat(again).isInstanceOfSatisfying(ErasePersonalDataUseCase.AlreadyErased.class,
                e -> assertThat(e.erasure()).isEqualTo(((ErasePersonalDataUseCase.Erased) erased).erasure()));
        Case now = cases.findById(c.caseId()).orElseThrow();
        assertNoPersonalDataIn(now);
        assertThat(now.referrals()).isEqualTo(c.referrals());
        assertThat(now.outboxPending()).isFalse();
        assertThat(publisher.published).filteredOn(m -> m.eventType().equals(PersonalDataErased.TYPE)).hasSize(1);

        // the agency loop goes on; an agency's wording is not kept again
        Referral police = c.referrals().stream().filter(r -> r.agency().equals(Agencies.POLICE)).findFirst()
                .orElseThrow();
        responses.respond(response(c, police, ResponseAction.ACCEPTED).note(AGENCY_NOTE).build(), Channel.HTTP);
        assertNoPersonalDataIn(cases.findById(c.caseId()).orElseThrow());
    }

    @Test
    void anAgencysWorkOrderIsSentWhole_andItsCopyInTheOutboxKeepsNoPersonalDataOnceOnItsTopic() {
        Case c = stored(report().concerns(Concern.SEXUAL_ABUSE).build());

        assertThat(publisher.published).filteredOn(m -> m.eventType().equals(AgencyReferral.TYPE)).isNotEmpty()
                .allSatisfy(m -> assertThat(m.payload()).contains(CHILD_NAME, NARRATIVE));
        assertThat(c.outbox()).filteredOn(m -> m.eventType().equals(AgencyReferral.TYPE)).isNotEmpty()
                .allSatisfy(m -> {
                    assertThat(m.pending()).isFalse();
                    assertThat(m.payload()).doesNotContain(CHILD_NAME, NARRATIVE);
                    AgencyReferral kept = (AgencyReferral) EventJson.read(m.payload(),
                            vn.childprotection.platform.contracts.AgencyReferralEvent.class);
                    assertThat(kept.child().sex()).isEqualTo(c.child().sex());
                    assertThat(kept.referralId()).isNotNull();
                });
        assertThat(c.child().fullName()).as("the case itself keeps it until retention or erasure")
                .isEqualTo(CHILD_NAME);
    }

    private static void assertNoPersonalDataIn(Case c) {
        assertThat(c.child().fullName()).isNull();
        assertThat(c.reporter().fullName()).isNull();
        assertThat(c.reporter().phone()).isNull();
        assertThat(c.narrative()).isNull();
        for (OutboxMessage message : c.outbox()) {
            assertThat(message.payload()).doesNotContain(CHILD_NAME, NARRATIVE, INFORMANT_NAME, INFORMANT_PHONE,
                    AGENCY_NOTE);
        }
        c.referrals().forEach(r -> r.history().forEach(h -> {
            assertThat(h.note()).isNull();
            assertThat(h.reason()).isNull();
        }));
    }

    private Case stored(vn.childprotection.platform.contracts.ReportSubmitted report) {
        Case c = ((CaseOpening.Opened) Case.open(report, shippedRouting(), clock.instant())).opened();
        cases.insertIfAbsent(c);
        relay.relay(c.caseId());
        return cases.findById(c.caseId()).orElseThrow();
    }

    /** A legal-aid case (JUSTICE its only primary agency), accepted and completed with a note now. */
    private Case completed() {
        Case c = stored(report().concerns(Concern.LEGAL_CIVIL_STATUS).severity(Severity.NORMAL).build());
        Referral justice = c.referrals().stream().filter(r -> r.agency().equals(Agencies.JUSTICE)).findFirst()
                .orElseThrow();
        responses.respond(response(c, justice, ResponseAction.ACCEPTED).build(), Channel.HTTP);
        responses.respond(response(c, justice, ResponseAction.COMPLETED).outcome(ReferralOutcome.SUPPORT_PROVIDED)
                .note(AGENCY_NOTE).build(), Channel.HTTP);
        Case done = cases.findById(c.caseId()).orElseThrow();
        assertThat(done.status()).isEqualTo(CaseStatus.COMPLETED);
        assertThat(done.closedAt()).isEqualTo(clock.instant());
        return done;
    }

    private static Instant closedAtOf(Case c) {
        return c.closedAt();
    }

    private static final class RecordingAudit implements PersonalDataAudit {
        final List<String> records = new ArrayList<>();

        @Override
        public void purging(String caseId, Instant closedAt, Duration retention) {
            records.add("purging " + caseId + " closed " + closedAt);
        }

        @Override
        public void purgeNotDone(String caseId, String why) {
            records.add("not done " + caseId);
        }
    }
}
