package vn.childprotection.platform.reporting.application;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.Agencies;
import vn.childprotection.platform.contracts.Ids;
import vn.childprotection.platform.contracts.PersonalDataErased;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.reporting.application.port.out.FactStore;
import vn.childprotection.platform.reporting.application.port.out.Revisioned;
import vn.childprotection.platform.reporting.domain.CaseContext;
import vn.childprotection.platform.reporting.domain.CaseFact;
import vn.childprotection.platform.reporting.domain.NotificationFact;
import vn.childprotection.platform.reporting.domain.ProjectionOutcome;
import vn.childprotection.platform.reporting.domain.ReferralFact;
import vn.childprotection.platform.reporting.fixtures.CaseEvents;
import vn.childprotection.platform.reporting.fixtures.ShippedMaps;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The live projection's reads: a referral fact takes its opened case's context without reading the case again. */
class EventProjectorTest {

    private static final long GENERATION = 1;

    private final CountingFactStore store = new CountingFactStore();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T03:00:00Z"), ZoneOffset.UTC);

    @Test
    void aReferralTakesItsOpenedCasesContextWithoutReadingTheCaseAgain() {
        EventProjector projector = projector(EventProjector.DEFAULT_CASE_CONTEXT_CACHE_SIZE);
        CaseEvents.CaseOpenedBuilder opened = CaseEvents.aCase("context-cached").province("11", "094");

        projector.project(opened.build());
        int caseReadsAfterOpening = store.caseReads;
        projector.project(opened.referral(Agencies.SOCIAL_AFFAIRS, ReferralRole.PRIMARY).build());
        projector.project(opened.referral(Agencies.POLICE, ReferralRole.SUPPORTING).build());

        assertThat(caseReadsAfterOpening).as("CaseOpened inserts its fact without reading it").isZero();
        assertThat(store.caseReads).as("no case read for the referrals").isZero();
        assertThat(store.referrals.values()).hasSize(2).allSatisfy(stored ->
                assertThat(stored.value().caseContext()).isEqualTo(store.cases.get(opened.caseId()).value().context()));
        assertThat(store.referrals.values().iterator().next().value().caseContext().provinceCode()).isEqualTo("11");
    }

    @Test
    void withoutACacheEachNewReferralReadsItsCase() {
        EventProjector projector = projector(0);
        CaseEvents.CaseOpenedBuilder opened = CaseEvents.aCase("no-cache");

        projector.project(opened.build());
        projector.project(opened.referral(Agencies.SOCIAL_AFFAIRS, ReferralRole.PRIMARY).build());
        projector.project(opened.referral(Agencies.POLICE, ReferralRole.SUPPORTING).build());

        assertThat(store.caseReads).as("one per referral").isEqualTo(2);
        assertThat(store.referrals.values()).allSatisfy(stored ->
                assertThat(stored.value().caseContext()).isNotNull());
    }

    @Test
    void aReferralSeenBeforeItsCaseGetsTheContextWhenTheCaseOpens() {
        EventProjector projector = projector(EventProjector.DEFAULT_CASE_CONTEXT_CACHE_SIZE);
        CaseEvents.CaseOpenedBuilder opened = CaseEvents.aCase("referral-first");

        ProjectionOutcome referral = projector.project(
                opened.referral(Agencies.SOCIAL_AFFAIRS, ReferralRole.PRIMARY).build());
        assertThat(referral).isEqualTo(ProjectionOutcome.APPLIED);
        assertThat(store.referrals.values().iterator().next().value().caseContext()).isNull();

        projector.project(opened.build());

        assertThat(store.attached).containsEntry(opened.caseId(), store.cases.get(opened.caseId()).value().context());
    }

    @Test
    void aRedeliveredCaseOpenedStillAttachesTheContext() {
        EventProjector projector = projector(EventProjector.DEFAULT_CASE_CONTEXT_CACHE_SIZE);
        CaseEvents.CaseOpenedBuilder opened = CaseEvents.aCase("redelivered");
        projector.project(opened.build());
        store.attached.clear();

        ProjectionOutcome again = projector.project(opened.build());

        assertThat(again).isEqualTo(ProjectionOutcome.DUPLICATE);
        assertThat(store.attached).containsKey(opened.caseId());
    }

    @Test
    void theEventsThatOpenAFactInsertItWithoutReadingAndTheOthersReadIt() {
        EventProjector projector = projector(EventProjector.DEFAULT_CASE_CONTEXT_CACHE_SIZE);
        CaseEvents.CaseOpenedBuilder opened = CaseEvents.aCase("insert-first");
        CaseEvents.ReferralIssuedBuilder referral = opened.referral(Agencies.POLICE, ReferralRole.PRIMARY);

        projector.project(opened.build());
        projector.project(referral.build());
        assertThat(store.caseReads + store.referralReads).as("CaseOpened and ReferralIssued").isZero();

        ProjectionOutcome accepted = projector.project(referral.accepted());

        assertThat(accepted).isEqualTo(ProjectionOutcome.APPLIED);
        assertThat(store.referralReads).as("a later event reads the fact it changes").isEqualTo(1);
        assertThat(store.referrals.values()).singleElement().satisfies(stored -> {
            assertThat(stored.revision()).isEqualTo(2);
            assertThat(stored.value().caseContext()).isNotNull();
        });
    }

    @Test
    void anErasureOfACasesPersonalDataReadsAndChangesNoFact() {
        EventProjector projector = projector(EventProjector.DEFAULT_CASE_CONTEXT_CACHE_SIZE);
        CaseEvents.CaseOpenedBuilder opened = CaseEvents.aCase("erased");
        projector.project(opened.build());
        var before = Map.copyOf(store.cases);
        String caseId = opened.build().caseId();

        ProjectionOutcome outcome = projector.project(new PersonalDataErased(
                Ids.nameBased(PersonalDataErased.TYPE, caseId), clock.instant(), caseId,
                PersonalDataErased.Cause.REQUEST));

        assertThat(outcome).isEqualTo(ProjectionOutcome.IGNORED);
        assertThat(store.caseReads + store.referralReads).isZero();
        assertThat(store.cases).isEqualTo(before);
    }

    @Test
    void aRedeliveredReferralIssuedIsRefusedByTheInsertThenFoundToBeADuplicate() {
        EventProjector projector = projector(EventProjector.DEFAULT_CASE_CONTEXT_CACHE_SIZE);
        CaseEvents.CaseOpenedBuilder opened = CaseEvents.aCase("issued-twice");
        var issued = opened.referral(Agencies.SOCIAL_AFFAIRS, ReferralRole.PRIMARY).build();
        projector.project(opened.build());
        projector.project(issued);

        ProjectionOutcome again = projector.project(issued);

        assertThat(again).isEqualTo(ProjectionOutcome.DUPLICATE);
        assertThat(store.referralReads).isEqualTo(1);
        assertThat(store.referrals.values()).singleElement()
                .satisfies(stored -> assertThat(stored.revision()).isEqualTo(1));
    }

    private EventProjector projector(int cacheSize) {
        return new EventProjector(store, new ProjectionTargets(GENERATION), applied -> {
        }, clock, ShippedMaps.AREAS, cacheSize);
    }

    /** Facts of one generation in maps; counts the reads. An insert over an existing fact is refused, as a unique id is. */
    private static final class CountingFactStore implements FactStore {

        final Map<String, Revisioned<CaseFact>> cases = new HashMap<>();
        final Map<String, Revisioned<ReferralFact>> referrals = new HashMap<>();
        final Map<String, CaseContext> attached = new HashMap<>();
        int caseReads;
        int referralReads;

        @Override
        public Optional<Revisioned<CaseFact>> findCase(long generation, String caseId) {
            caseReads++;
            return Optional.ofNullable(cases.get(caseId));
        }

        @Override
        public boolean saveCase(long generation, CaseFact fact, Optional<Long> expectedRevision) {
            return save(cases, fact.caseId(), fact, expectedRevision);
        }

        @Override
        public Optional<Revisioned<ReferralFact>> findReferral(long generation, String referralId) {
            referralReads++;
            return Optional.ofNullable(referrals.get(referralId));
        }

        @Override
        public boolean saveReferral(long generation, ReferralFact fact, Optional<Long> expectedRevision) {
            return save(referrals, fact.referralId(), fact, expectedRevision);
        }

        private static <F> boolean save(Map<String, Revisioned<F>> facts, String id, F fact,
                                        Optional<Long> expectedRevision) {
            Optional<Long> current = Optional.ofNullable(facts.get(id)).map(Revisioned::revision);
            if (!current.equals(expectedRevision)) {
                return false;
            }
            facts.put(id, new Revisioned<>(fact, current.orElse(0L) + 1));
            return true;
        }

        @Override
        public void attachCaseContext(long generation, String caseId, CaseContext context) {
            attached.put(caseId, context);
        }

        @Override
        public boolean saveNotification(long generation, NotificationFact fact) {
            return true;
        }

        @Override
        public void insertAll(long generation, Collection<CaseFact> cases, Collection<ReferralFact> referrals,
                              Collection<NotificationFact> notifications) {
        }

        @Override
        public void prepare(long generation) {
        }

        @Override
        public void drop(long generation) {
        }

        @Override
        public void recordProcessed(ProcessedEvent event) {
        }
    }
}
