package vn.childprotection.platform.reporting.adapter.out.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.childprotection.platform.contracts.Agencies;
import vn.childprotection.platform.contracts.CaseOpened;
import vn.childprotection.platform.contracts.Channel;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ReferralIssued;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.reporting.application.port.out.FactStore;
import vn.childprotection.platform.reporting.domain.CaseFact;
import vn.childprotection.platform.reporting.domain.OverviewCounts;
import vn.childprotection.platform.reporting.domain.OverviewFilter;
import vn.childprotection.platform.reporting.domain.Projection;
import vn.childprotection.platform.reporting.domain.ProjectionRules;
import vn.childprotection.platform.reporting.domain.ReferralFact;
import vn.childprotection.platform.reporting.fixtures.CaseEvents;
import vn.childprotection.platform.testsupport.MongoStandIn;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The MongoDB adapters against the stand-in (mongo-java-server), without a Spring context: every write and every
 * aggregation pipeline the service uses, since the stand-in's support is partial.
 */
class MongoFactsOnStandInIT {

    private static MongoClient client;
    private MongoTemplate mongo;
    private MongoFactStore store;
    private MongoStatsQuery stats;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(MongoStandIn.uri());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void freshDatabase() {
        mongo = new MongoTemplate(client, "facts_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        store = new MongoFactStore(mongo);
        store.createIndexes();
        stats = new MongoStatsQuery(mongo);
    }

    @Test
    void a_case_fact_reads_back_exactly_as_it_was_stored() {
        CaseFact fact = caseFact(CaseEvents.aCase("round-trip").concerns(Concern.TRAFFICKING, Concern.VIOLENCE)
                .build());

        assertThat(store.saveCase(fact, Optional.empty())).isTrue();

        var stored = store.findCase(fact.caseId()).orElseThrow();
        assertThat(stored.value()).isEqualTo(fact);
        assertThat(stored.revision()).isEqualTo(1);
    }

    @Test
    void writes_are_compare_and_set_on_the_revision() {
        CaseFact fact = caseFact(CaseEvents.aCase("cas").build());

        assertThat(store.saveCase(fact, Optional.empty())).isTrue();
        assertThat(store.saveCase(fact, Optional.empty())).as("second insert").isFalse();
        assertThat(store.saveCase(fact, Optional.of(7L))).as("stale revision").isFalse();
        assertThat(store.saveCase(fact, Optional.of(1L))).as("current revision").isTrue();
        assertThat(store.findCase(fact.caseId()).orElseThrow().revision()).isEqualTo(2);
        assertThat(mongo.getCollection(CaseFactDocument.COLLECTION).countDocuments()).isEqualTo(1);
    }

    @Test
    void a_referral_stored_before_its_case_gets_the_case_context_attached() {
        CaseEvents.CaseOpenedBuilder aCase = CaseEvents.aCase("context");
        ReferralFact referral = referralFact(aCase.referral(Agencies.POLICE, ReferralRole.PRIMARY).build(), null);
        store.saveReferral(referral, Optional.empty());
        CaseFact caseFact = caseFact(aCase.build());

        store.attachCaseContext(caseFact.caseId(), caseFact.context());

        var stored = store.findReferral(referral.referralId()).orElseThrow();
        assertThat(stored.value()).isEqualTo(referral.withCaseContext(caseFact.context()));
        assertThat(stored.revision()).isEqualTo(2);
    }

    @Test
    void the_ledger_counts_deliveries_of_an_event_and_keeps_the_first_outcome() {
        Instant first = Instant.parse("2026-11-20T03:00:00Z");
        store.recordProcessed(new FactStore.ProcessedEvent("e-1", "CaseOpened.v1", "c-1", first, "APPLIED", first));
        store.recordProcessed(new FactStore.ProcessedEvent("e-1", "CaseOpened.v1", "c-1", first, "DUPLICATE",
                first.plusSeconds(60)));

        Document entry = mongo.getCollection(MongoFactStore.PROCESSED_EVENTS).find().first();
        assertThat(entry).containsEntry("_id", "e-1").containsEntry("deliveries", 2)
                .containsEntry("firstOutcome", "APPLIED").containsEntry("lastOutcome", "DUPLICATE")
                .containsEntry("eventType", "CaseOpened.v1");
    }

    @Test
    void the_overview_pipelines_count_facts_and_honour_province_and_date_filters() {
        LocalDate day = LocalDate.of(2026, 3, 10);
        var a = CaseEvents.aCase("a").concerns(Concern.SEXUAL_ABUSE, Concern.VIOLENCE).severity(Severity.EMERGENCY)
                .province("11", "094").receivedAt(day, LocalTime.of(9, 0)).intervention(2);
        var b = CaseEvents.aCase("b").concerns(Concern.VIOLENCE).severity(Severity.HIGH).channel(Channel.ONLINE)
                .province("89", "883").receivedAt(day.plusDays(1), LocalTime.of(23, 59)).intervention(1);
        var c = CaseEvents.aCase("c").concerns(Concern.NEGLECT).severity(Severity.NORMAL).counselling()
                .province("11", "095").receivedAt(day.plusDays(2), LocalTime.of(0, 1));
        for (var builder : new CaseEvents.CaseOpenedBuilder[]{a, b, c}) {
            store.saveCase(caseFact(builder.build()), Optional.empty());
        }
        CaseFact aFact = store.findCase(a.caseId()).orElseThrow().value();
        CaseFact bFact = store.findCase(b.caseId()).orElseThrow().value();
        store.saveReferral(referralFact(a.referral(Agencies.SOCIAL_AFFAIRS, ReferralRole.PRIMARY).build(), aFact),
                Optional.empty());
        store.saveReferral(referralFact(a.referral(Agencies.POLICE, ReferralRole.PRIMARY).build(), aFact),
                Optional.empty());
        store.saveReferral(referralFact(b.referral(Agencies.SOCIAL_AFFAIRS, ReferralRole.INFORMED).build(), bFact),
                Optional.empty());
        store.saveReferral(referralFact(b.referral("PROCURACY", ReferralRole.SUPPORTING).build(), bFact),
                Optional.empty());

        OverviewCounts all = stats.overviewCounts(OverviewFilter.NONE);
        assertThat(all.contacts()).isEqualTo(3);
        assertThat(all.byContactType()).containsOnly(entry("INTERVENTION", 2L), entry("COUNSELLING", 1L));
        assertThat(all.byConcern()).containsOnly(entry("SEXUAL_ABUSE", 1L), entry("VIOLENCE", 2L),
                entry("NEGLECT", 1L));
        assertThat(all.bySeverity()).containsOnly(entry("EMERGENCY", 1L), entry("HIGH", 1L), entry("NORMAL", 1L));
        assertThat(all.byChannel()).containsOnly(entry("HOTLINE_111", 2L), entry("ONLINE", 1L));
        assertThat(all.byProvince()).containsOnly(entry("11", 2L), entry("89", 1L));
        assertThat(all.referrals()).isEqualTo(4);
        assertThat(all.byAgency()).containsOnly(entry("SOCIAL_AFFAIRS", 2L), entry("POLICE", 1L),
                entry("PROCURACY", 1L));
        assertThat(all.byRole()).containsOnly(entry("PRIMARY", 2L), entry("INFORMED", 1L),
                entry("SUPPORTING", 1L));

        OverviewCounts province11 = stats.overviewCounts(new OverviewFilter(null, null, "11"));
        assertThat(province11.contacts()).isEqualTo(2);
        assertThat(province11.referrals()).isEqualTo(2);
        assertThat(province11.byAgency()).containsOnly(entry("SOCIAL_AFFAIRS", 1L), entry("POLICE", 1L));

        OverviewCounts secondDay = stats.overviewCounts(new OverviewFilter(day.plusDays(1), day.plusDays(1), null));
        assertThat(secondDay.contacts()).as("23:59 +07:00 is still that day").isEqualTo(1);
        assertThat(secondDay.byProvince()).containsOnly(entry("89", 1L));
        assertThat(secondDay.referrals()).isEqualTo(2);

        OverviewCounts fromSecondDay = stats.overviewCounts(new OverviewFilter(day.plusDays(1), null, "11"));
        assertThat(fromSecondDay.contacts()).isEqualTo(1);
        assertThat(fromSecondDay.byContactType()).containsOnly(entry("COUNSELLING", 1L));
        assertThat(fromSecondDay.referrals()).isZero();
        assertThat(fromSecondDay.byAgency()).isEmpty();
    }

    @Test
    void an_empty_store_counts_nothing() {
        assertThat(stats.overviewCounts(OverviewFilter.NONE)).isEqualTo(OverviewCounts.EMPTY);
    }

    private static CaseFact caseFact(CaseOpened event) {
        return ((Projection.Applied<CaseFact>) ProjectionRules.caseOpened(Optional.empty(), event)).fact();
    }

    private static ReferralFact referralFact(ReferralIssued event, CaseFact caseFact) {
        return ((Projection.Applied<ReferralFact>) ProjectionRules.referralIssued(Optional.empty(), event,
                Optional.ofNullable(caseFact).map(CaseFact::context))).fact();
    }
}
