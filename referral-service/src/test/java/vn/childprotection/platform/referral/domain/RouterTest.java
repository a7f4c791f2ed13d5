package vn.childprotection.platform.referral.domain;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.ReferralRole;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.platform.contracts.Agencies.EDUCATION;
import static vn.childprotection.platform.contracts.Agencies.HEALTH;
import static vn.childprotection.platform.contracts.Agencies.JUSTICE;
import static vn.childprotection.platform.contracts.Agencies.POLICE;
import static vn.childprotection.platform.contracts.Agencies.SOCIAL_AFFAIRS;
import static vn.childprotection.platform.contracts.Agencies.WOMENS_UNION;
import static vn.childprotection.platform.contracts.Agencies.YOUTH_UNION;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.nationalRuleset;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.report;

class RouterTest {

    private final Ruleset national = nationalRuleset();

    @Test
    void severalConcernsRouteToTheUnionOfTheirAgenciesWithTheStrongestRoleEach() {
        // DOMESTIC_VIOLENCE: WOMENS_UNION P, SOCIAL_AFFAIRS S, POLICE S; IN_CONFLICT_WITH_LAW: POLICE P, JUSTICE S
        RoutingDecision decision = Router.route(ContactType.INTERVENTION,
                List.of(Concern.DOMESTIC_VIOLENCE, Concern.IN_CONFLICT_WITH_LAW), national);

        assertThat(decision.agencies()).extracting(RoutedAgency::agency, RoutedAgency::role).containsExactly(
                org.assertj.core.groups.Tuple.tuple(POLICE, ReferralRole.PRIMARY),
                org.assertj.core.groups.Tuple.tuple(WOMENS_UNION, ReferralRole.PRIMARY),
                org.assertj.core.groups.Tuple.tuple(JUSTICE, ReferralRole.SUPPORTING),
                org.assertj.core.groups.Tuple.tuple(SOCIAL_AFFAIRS, ReferralRole.SUPPORTING));
        assertThat(decision.agency(POLICE).orElseThrow().ruleId())
                .as("the rule that gave the strongest role is cited").isEqualTo("VN.IN_CONFLICT_WITH_LAW");
        assertThat(decision.agency(WOMENS_UNION).orElseThrow().ruleId()).isEqualTo("VN.DOMESTIC_VIOLENCE");
    }

    @Test
    void aPrimaryRoleFromOneRuleBeatsASupportingRoleFromAnother() {
        // SCHOOL_DROPOUT_WORK: EDUCATION P; DISABILITY: EDUCATION S, SOCIAL_AFFAIRS P
        RoutingDecision decision = Router.route(ContactType.INTERVENTION,
                List.of(Concern.DISABILITY, Concern.SCHOOL_DROPOUT_WORK), national);

        assertThat(decision.agency(EDUCATION).orElseThrow().role()).isEqualTo(ReferralRole.PRIMARY);
        assertThat(decision.agency(EDUCATION).orElseThrow().ruleId()).isEqualTo("VN.SCHOOL_DROPOUT_WORK");
        assertThat(decision.agency(SOCIAL_AFFAIRS).orElseThrow().role()).isEqualTo(ReferralRole.PRIMARY);
        assertThat(decision.agency(SOCIAL_AFFAIRS).orElseThrow().ruleId()).isEqualTo("VN.DISABILITY");
    }

    @Test
    void theStandingAgencyIsInformedWhenNoRuleGivesItARole() {
        RoutingDecision decision = Router.route(ContactType.INTERVENTION, List.of(Concern.LEGAL_CIVIL_STATUS),
                national);

        RoutedAgency standing = decision.agency(SOCIAL_AFFAIRS).orElseThrow();
        assertThat(standing.role()).isEqualTo(ReferralRole.INFORMED);
        assertThat(standing.ruleId()).isEqualTo("VN.STANDING_AGENCY");
        assertThat(standing.legalBasis()).contains("Art 8, 8.4");
        assertThat(decision.agencies()).extracting(RoutedAgency::agency).containsExactly(JUSTICE, SOCIAL_AFFAIRS);
    }

    @Test
    void everyConcernAloneOrTogetherKeepsTheStandingAgencyInTheDecision() {
        for (Concern concern : Concern.values()) {
            assertThat(Router.route(ContactType.INTERVENTION, List.of(concern), national).agency(SOCIAL_AFFAIRS))
                    .as(concern.name()).isPresent();
        }
        assertThat(Router.route(ContactType.INTERVENTION, List.of(Concern.values()), national)
                .agency(SOCIAL_AFFAIRS).orElseThrow().role()).isEqualTo(ReferralRole.PRIMARY);
    }

    @Test
    void otherGoesToTriageAtTheStandingAgency() {
        RoutingDecision decision = Router.route(ContactType.INTERVENTION, List.of(Concern.OTHER), national);

        assertThat(decision.agencies()).singleElement().satisfies(agency -> {
            assertThat(agency.agency()).isEqualTo(SOCIAL_AFFAIRS);
            assertThat(agency.role()).isEqualTo(ReferralRole.PRIMARY);
            assertThat(agency.ruleId()).isEqualTo("VN.OTHER");
            assertThat(agency.legalBasis()).contains("Art 8.4");
        });
    }

    @Test
    void anInterventionWithoutConcernsIsTriagedLikeOther() {
        assertThat(Router.route(ContactType.INTERVENTION, List.of(), national))
                .isEqualTo(Router.route(ContactType.INTERVENTION, List.of(Concern.OTHER), national));
    }

    @Test
    void aCounsellingContactIsNeverRouted() {
        RoutingDecision decision = Router.route(report().counselling()
                .concerns(Concern.SEXUAL_ABUSE, Concern.TRAFFICKING).build(), national);

        assertThat(decision.routed()).isFalse();
        assertThat(decision.agencies()).isEmpty();
        assertThat(decision.rulesetVersion()).isEqualTo(national.version());
    }

    @Test
    void theDecisionDoesNotDependOnTheOrderOfTheConcerns() {
        List<Concern> concerns = new ArrayList<>(List.of(Concern.SEXUAL_ABUSE, Concern.NEGLECT, Concern.DRUG_USE,
                Concern.ABANDONED, Concern.DOMESTIC_VIOLENCE, Concern.ONLINE_ABUSE));
        RoutingDecision first = Router.route(ContactType.INTERVENTION, concerns, national);
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(concerns, random);
            assertThat(Router.route(ContactType.INTERVENTION, concerns, national)).isEqualTo(first);
        }
    }

    @Test
    void noAgencyAppearsTwiceAndPrimaryAgenciesComeFirst() {
        RoutingDecision decision = Router.route(ContactType.INTERVENTION, List.of(Concern.values()), national);

        List<String> agencies = decision.agencies().stream().map(RoutedAgency::agency).toList();
        assertThat(agencies).doesNotHaveDuplicates()
                .containsExactlyInAnyOrder(SOCIAL_AFFAIRS, POLICE, HEALTH, EDUCATION, JUSTICE, YOUTH_UNION,
                        WOMENS_UNION);
        assertThat(decision.agencies()).extracting(RoutedAgency::role).isSortedAccordingTo(
                (a, b) -> Integer.compare(a.ordinal(), b.ordinal()));
    }

    @Test
    void aConcernRepeatedInTheReportCountsOnce() {
        assertThat(Router.route(ContactType.INTERVENTION, List.of(Concern.VIOLENCE, Concern.VIOLENCE), national))
                .isEqualTo(Router.route(ContactType.INTERVENTION, List.of(Concern.VIOLENCE), national));
    }

    @Test
    void anAgencyAddedByARulesetIsRoutedWithoutCodeChanges() {
        List<Rule> rules = new ArrayList<>(national.rules());
        rules.add(new Rule("P89.SEXUAL_ABUSE.PROCURACY", Set.of(Concern.SEXUAL_ABUSE),
                List.of(new AgencyAssignment("PROCURACY", ReferralRole.SUPPORTING)),
                "QĐ 535/QĐ-UBND An Giang 2018, 2.9", false, null));
        Ruleset province = new Ruleset("VN-89-2025.1", LocalDate.parse("2025-07-01"), "89",
                national.standingAgency(), rules);

        RoutingDecision decision = Router.route(ContactType.INTERVENTION, List.of(Concern.SEXUAL_ABUSE), province);

        assertThat(decision.agency("PROCURACY")).hasValueSatisfying(a -> {
            assertThat(a.role()).isEqualTo(ReferralRole.SUPPORTING);
            assertThat(a.ruleId()).isEqualTo("P89.SEXUAL_ABUSE.PROCURACY");
        });
        assertThat(decision.rulesetVersion()).isEqualTo("VN-89-2025.1");
    }
}
