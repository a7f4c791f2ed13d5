package vn.childprotection.platform.referral.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.Location;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.referral.fixtures.RoutingFixtures;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.platform.contracts.Agencies.SOCIAL_AFFAIRS;

/**
 * Properties of routing with the shipped data (national default, four seed provinces, area list, directory), over
 * generated reports: any concerns, severity, age, contact type, province/district (known and unknown codes).
 */
class RoutingPropertiesTest {

    private static final RoutingEnvironment ROUTING = RoutingFixtures.shippedRouting();

    record Report(ContactType contactType, List<Concern> concerns, Severity severity, Integer age, Location location,
                  OffsetDateTime receivedAt) {
        RoutingEnvironment.Request request() {
            return new RoutingEnvironment.Request("case-p", receivedAt, contactType, concerns, severity, location,
                    age);
        }
    }

    @Provide
    Arbitrary<Report> reports() {
        Arbitrary<List<Concern>> concerns = Arbitraries.of(Concern.class).list().ofMinSize(1).ofMaxSize(5);
        Arbitrary<Location> locations = Arbitraries.of(
                new Location("11", "094", null), new Location("11", "096", null), new Location("11", null, null),
                new Location("06", "058", null), new Location("89", "883", null), new Location("01", "001", "00001"),
                new Location("11", null, "03127"), new Location("19", null, "01894"), new Location("91", null, "30292"),
                new Location("91", null, "31078"), new Location("11", "999", null), new Location("99", null, null),
                new Location("77", "777", null));
        Arbitrary<OffsetDateTime> receivedAt = Arbitraries.longs().between(0, 4L * 365 * 24 * 3600)
                .map(s -> OffsetDateTime.parse("2024-07-01T00:00:00+07:00").plusSeconds(s));
        return Combinators.combine(Arbitraries.of(ContactType.class), concerns, Arbitraries.of(Severity.class),
                Arbitraries.integers().between(0, 17).injectNull(0.2), locations, receivedAt).as(Report::new);
    }

    @Property
    void everyInterventionGetsAtLeastOnePrimaryAgency(@ForAll("reports") Report report) {
        RoutingPlan plan = ROUTING.plan(report.request());
        if (report.contactType() == ContactType.INTERVENTION) {
            assertThat(plan.referrals()).anyMatch(r -> r.role() == ReferralRole.PRIMARY);
        }
    }

    @Property
    void theStandingAgencyIsAlwaysPresentInARoutedCase(@ForAll("reports") Report report) {
        RoutingPlan plan = ROUTING.plan(report.request());
        if (report.contactType() == ContactType.INTERVENTION) {
            assertThat(plan.referrals()).extracting(PlannedReferral::agency).contains(SOCIAL_AFFAIRS);
        }
    }

    @Property
    void highAndEmergencyInterventionsAlwaysEscalateToTheCoordinator(@ForAll("reports") Report report) {
        RoutingPlan plan = ROUTING.plan(report.request());
        boolean urgent = report.severity() != Severity.NORMAL;
        assertThat(plan.escalation().isPresent())
                .isEqualTo(urgent && report.contactType() == ContactType.INTERVENTION);
        plan.escalation().ifPresent(e -> {
            assertThat(e.recipientRole()).isEqualTo("COORDINATOR");
            assertThat(e.deadlines()).allSatisfy(d -> assertThat(d.dueAt())
                    .isAfter(report.receivedAt().toInstant()));
        });
    }

    @Property
    void counsellingNeverRoutes(@ForAll("reports") Report report) {
        Report counselling = new Report(ContactType.COUNSELLING, report.concerns(), report.severity(), report.age(),
                report.location(), report.receivedAt());
        RoutingPlan plan = ROUTING.plan(counselling.request());
        assertThat(plan.referrals()).isEmpty();
        assertThat(plan.escalation()).isEmpty();
    }

    @Property
    void anAgencyNeverAppearsTwice(@ForAll("reports") Report report) {
        assertThat(ROUTING.plan(report.request()).referrals()).extracting(PlannedReferral::agency)
                .doesNotHaveDuplicates();
    }

    @Property
    void theDecisionDoesNotDependOnTheOrderOfTheConcerns(@ForAll("reports") Report report,
                                                         @ForAll long seed) {
        List<Concern> shuffled = new ArrayList<>(report.concerns());
        Collections.shuffle(shuffled, new Random(seed));
        Report reordered = new Report(report.contactType(), shuffled, report.severity(), report.age(),
                report.location(), report.receivedAt());
        assertThat(ROUTING.plan(reordered.request())).isEqualTo(ROUTING.plan(report.request()));
    }

    @Property
    void anUnknownAreaCodeIsNeverDroppedButRoutedAndFlaggedForTriage(@ForAll("reports") Report report) {
        RoutingPlan plan = ROUTING.plan(report.request());
        boolean unknown = "999".equals(report.location().districtCode())
                || "777".equals(report.location().districtCode())
                || report.location().provinceCode().equals("99") || report.location().provinceCode().equals("77");
        if (report.contactType() == ContactType.INTERVENTION && unknown) {
            assertThat(plan.referrals()).isNotEmpty();
            assertThat(plan.triage().required()).isTrue();
        }
    }
}
