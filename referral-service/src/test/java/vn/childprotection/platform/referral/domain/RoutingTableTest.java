package vn.childprotection.platform.referral.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.Location;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.referral.fixtures.RoutingFixtures;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;
import static vn.childprotection.platform.contracts.Agencies.EDUCATION;
import static vn.childprotection.platform.contracts.Agencies.HEALTH;
import static vn.childprotection.platform.contracts.Agencies.JUSTICE;
import static vn.childprotection.platform.contracts.Agencies.POLICE;
import static vn.childprotection.platform.contracts.Agencies.SOCIAL_AFFAIRS;
import static vn.childprotection.platform.contracts.Agencies.WOMENS_UNION;
import static vn.childprotection.platform.contracts.Agencies.YOUTH_UNION;
import static vn.childprotection.platform.referral.fixtures.ReportFixtures.nationalRuleset;

/**
 * The shipped national ruleset against the domain reference's "Default routing" table, one row per row, the row's
 * clause in the display name: exactly the primary and supporting agencies of the row, the standing agency present.
 */
class RoutingTableTest {

    static Stream<Arguments> routingTable() {
        return Stream.of(
                row(Concern.SEXUAL_ABUSE, "S0 9.5a–g; S2 B.I.6",
                        Set.of(SOCIAL_AFFAIRS, POLICE), Set.of(HEALTH, WOMENS_UNION, EDUCATION, JUSTICE), false),
                row(Concern.VIOLENCE, "S0 9.5a,b,c,d,g",
                        Set.of(SOCIAL_AFFAIRS, POLICE), Set.of(HEALTH, EDUCATION, WOMENS_UNION), false),
                row(Concern.TRAFFICKING, "S0 9.5a,b,c,g; S4 IV.3",
                        Set.of(SOCIAL_AFFAIRS, POLICE), Set.of(HEALTH, WOMENS_UNION), false),
                row(Concern.ABANDONED, "S0 9.5a,e,g,đ",
                        Set.of(SOCIAL_AFFAIRS), Set.of(WOMENS_UNION, YOUTH_UNION, JUSTICE), false),
                row(Concern.EXPLOITATION, "S2 B.I.4; S0 9.5c,e,g",
                        Set.of(SOCIAL_AFFAIRS), Set.of(HEALTH, YOUTH_UNION, WOMENS_UNION), false),
                row(Concern.NEGLECT, "S1 IV.6; S4 IV.4",
                        Set.of(SOCIAL_AFFAIRS), Set.of(WOMENS_UNION, YOUTH_UNION), false),
                row(Concern.DOMESTIC_VIOLENCE, "S0 9.5g; S4 IV.4",
                        Set.of(WOMENS_UNION), Set.of(SOCIAL_AFFAIRS, POLICE), false),
                row(Concern.ONLINE_ABUSE, "policy default; S4 II.4 names no agency",
                        Set.of(POLICE, SOCIAL_AFFAIRS), Set.of(EDUCATION), true),
                row(Concern.IN_CONFLICT_WITH_LAW, "S0 9.5b,đ; S2 2.4",
                        Set.of(POLICE), Set.of(JUSTICE, SOCIAL_AFFAIRS), false),
                row(Concern.DRUG_USE, "policy default; no seed rule",
                        Set.of(POLICE, HEALTH), Set.of(SOCIAL_AFFAIRS), true),
                row(Concern.DISABILITY, "S0 9.5a,c,d",
                        Set.of(SOCIAL_AFFAIRS), Set.of(HEALTH, EDUCATION), false),
                row(Concern.HIV_AIDS, "S0 9.5a,c",
                        Set.of(SOCIAL_AFFAIRS), Set.of(HEALTH), false),
                row(Concern.ORPHAN_NO_SUPPORT, "S0 9.5a,e,g",
                        Set.of(SOCIAL_AFFAIRS), Set.of(YOUTH_UNION, WOMENS_UNION), false),
                row(Concern.SCHOOL_DROPOUT_WORK, "S0 9.5d; S2 B.I.4",
                        Set.of(EDUCATION), Set.of(SOCIAL_AFFAIRS), false),
                row(Concern.SERIOUS_ILLNESS_POOR, "S0 9.5a,c; S2 B.I.7",
                        Set.of(SOCIAL_AFFAIRS), Set.of(HEALTH), false),
                row(Concern.LEGAL_CIVIL_STATUS, "S0 9.5đ (standing agency informed, S0 8.4)",
                        Set.of(JUSTICE), Set.of(), false),
                row(Concern.INJURY_ACCIDENT, "S0 9.5a,d; S2 B.I.2",
                        Set.of(SOCIAL_AFFAIRS), Set.of(HEALTH, EDUCATION), false),
                row(Concern.MIGRANT_UNACCOMPANIED, "policy default; no seed rule",
                        Set.of(SOCIAL_AFFAIRS, POLICE), Set.of(JUSTICE, HEALTH), true),
                row(Concern.OTHER, "S0 8.4 triage",
                        Set.of(SOCIAL_AFFAIRS), Set.of(), false));
    }

    private static Arguments row(Concern concern, String clause, Set<String> primary, Set<String> supporting,
                                 boolean policyDefault) {
        return argumentSet(concern + " → P " + primary.stream().sorted().toList() + ", S "
                        + supporting.stream().sorted().toList() + " (" + clause + ")",
                concern, primary, supporting, policyDefault);
    }

    @ParameterizedTest
    @MethodSource("routingTable")
    void routesEachConcernToTheAgenciesOfItsRow(Concern concern, Set<String> primary, Set<String> supporting,
                                                boolean policyDefault) {
        RoutingDecision decision = Router.route(ContactType.INTERVENTION, List.of(concern), nationalRuleset());

        assertThat(agenciesWith(decision, ReferralRole.PRIMARY)).isEqualTo(primary);
        assertThat(agenciesWith(decision, ReferralRole.SUPPORTING)).isEqualTo(supporting);
        assertThat(decision.agency(SOCIAL_AFFAIRS)).as("standing agency, S0 Art 8.4").isPresent();
        Set<String> informed = agenciesWith(decision, ReferralRole.INFORMED);
        assertThat(informed).isSubsetOf(Set.of(SOCIAL_AFFAIRS));
        decision.agencies().stream().filter(a -> a.role() != ReferralRole.INFORMED).forEach(a -> {
            assertThat(a.ruleId()).isEqualTo("VN." + concern.name());
            assertThat(a.policyDefault()).isEqualTo(policyDefault);
            assertThat(a.legalBasis()).isNotBlank();
            if (policyDefault) {
                assertThat(a.legalBasis()).startsWith("Policy default");
            } else {
                assertThat(a.legalBasis()).doesNotContain("Policy default");
            }
        });
        assertThat(decision.rulesetVersion()).isEqualTo("VN-national-2025.1");
    }

    static Stream<Arguments> routingTableInEverySeedProvince() {
        return routingTable().flatMap(row -> RoutingFixtures.SEED_PROVINCES.stream().map(area -> {
            Object[] cells = row.get();
            return argumentSet("province " + area[0] + " (commune " + area[1] + "): " + cells[0],
                    cells[0], cells[1], cells[2], area[0], area[1], area[2]);
        }));
    }

    /**
     * A province's ruleset extends the national default (it adds agencies and never removes one): each province's
     * routing still contains every agency of the national row, with at least the row's role, and the standing agency.
     */
    @ParameterizedTest
    @MethodSource("routingTableInEverySeedProvince")
    void everySeedProvinceStillRoutesEachConcernToTheAgenciesOfTheNationalRow(Concern concern, Set<String> primary,
                                                                            Set<String> supporting, String province,
                                                                            String commune, String formerProvince) {
        RoutingEnvironment routing = RoutingFixtures.shippedRouting();
        for (Severity severity : Severity.values()) {
            RoutingPlan plan = routing.plan(new RoutingEnvironment.Request("case-1",
                    OffsetDateTime.parse("2026-11-20T09:15:00+07:00"), ContactType.INTERVENTION, List.of(concern),
                    severity, new Location(province, null, commune), 12));

            Map<String, ReferralRole> roles = plan.referrals().stream()
                    .collect(Collectors.toMap(PlannedReferral::agency, PlannedReferral::role));
            assertThat(plan.referrals()).extracting(PlannedReferral::agency).doesNotHaveDuplicates();
            primary.forEach(agency -> assertThat(roles.get(agency)).as(agency).isEqualTo(ReferralRole.PRIMARY));
            supporting.forEach(agency -> assertThat(roles.get(agency)).as(agency)
                    .isIn(ReferralRole.PRIMARY, ReferralRole.SUPPORTING));
            assertThat(roles).as("standing agency, S0 Art 8.4").containsKey(SOCIAL_AFFAIRS);
            assertThat(plan.rulesetVersion()).startsWith("VN-national-2025.1+" + formerProvince + "-");
            assertThat(plan.referrals()).allSatisfy(r -> {
                assertThat(r.unitId()).as("a unit of %s serves %s", r.agency(), commune).isNotNull();
                assertThat(r.legalBasis()).isNotBlank();
            });
            assertThat(plan.triage().required()).isEqualTo(concern == Concern.OTHER);
        }
    }

    private static Set<String> agenciesWith(RoutingDecision decision, ReferralRole role) {
        return decision.agencies().stream().filter(a -> a.role() == role).map(RoutedAgency::agency)
                .collect(Collectors.toSet());
    }
}
