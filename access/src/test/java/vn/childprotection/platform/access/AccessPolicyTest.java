package vn.childprotection.platform.access;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.platform.access.Operation.*;

/**
 * Every role × every operation × in scope / out of scope. The expected table is written out here, cell by cell, so
 * that a change of the policy is a change of this table too.
 */
class AccessPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");

    // in scope: Điện Biên (11); out of scope: Hà Nội (01)
    private static final Map<Role, Actor> ACTORS = Map.of(
            Role.OPERATOR, new Actor("op", "cprp-console", Set.of(Role.OPERATOR), Set.of("11"), null, null),
            Role.AGENCY_OFFICER, new Actor("police", "cprp-console", Set.of(Role.AGENCY_OFFICER), Set.of("11"),
                    "POLICE", "11-POLICE"),
            Role.AGENCY_SYSTEM, new Actor("svc", "police-11-system", Set.of(Role.AGENCY_SYSTEM), Set.of("11"),
                    "POLICE", null),
            Role.COORDINATOR, new Actor("coord", "cprp-console", Set.of(Role.COORDINATOR), Set.of("11"), null, null),
            Role.ANALYST, new Actor("analyst", "cprp-console", Set.of(Role.ANALYST), Set.of("11"), null, null),
            Role.ADMIN, new Actor("admin", "cprp-console", Set.of(Role.ADMIN), Set.of(), null, null),
            Role.AUDITOR, new Actor("auditor", "cprp-console", Set.of(Role.AUDITOR), Set.of(), null, null));

    /**
     * Per operation: the target in the caller's scope, the one outside it. Referrals go to a district unit of the
     * police in 11 (under the officer's provincial unit) or to the police of 01.
     */
    private static Target inScope(Role role, Operation operation) {
        return switch (operation) {
            case LIST_REFERRALS, READ_REFERRAL, RESPOND_TO_REFERRAL -> new Target.Referral("11", "11-094-POLICE");
            case READ_OWN_SUBMISSION -> new Target.Submission("11", ACTORS.get(role).subject(), NOW.minusSeconds(3600));
            case REBUILD_PROJECTIONS, READ_OPERATIONS, READ_AUDIT, EXPORT_AUDIT, VERIFY_AUDIT_CHAIN -> new Target.Platform();
            default -> new Target.Province("11");
        };
    }

    private static Target outOfScope(Operation operation) {
        return switch (operation) {
            case LIST_REFERRALS, READ_REFERRAL, RESPOND_TO_REFERRAL -> new Target.Referral("01", "01-POLICE");
            case READ_OWN_SUBMISSION -> new Target.Submission("01", "someone-else", NOW.minusSeconds(3600));
            case REBUILD_PROJECTIONS, READ_OPERATIONS, READ_AUDIT, EXPORT_AUDIT, VERIFY_AUDIT_CHAIN -> null;
            default -> new Target.Province("01");
        };
    }

    // A = allowed, F = forbidden (403), H = hidden (404), - = no scope to be out of
    // columns: in scope / out of scope
    private static final String TABLE = """
            operation            OPERATOR AGENCY_OFFICER AGENCY_SYSTEM COORDINATOR ANALYST ADMIN AUDITOR
            SUBMIT_REPORT        A/F      F/F            F/F           F/F         F/F     F/F   F/F
            PREVIEW_ROUTING      A/F      F/F            F/F           F/F         F/F     F/F   F/F
            READ_OWN_SUBMISSION  A/H      F/F            F/F           F/F         F/F     F/F   F/F
            LIST_REFERRALS       F/F      A/H            A/H           A/H         F/F     F/F   F/F
            READ_REFERRAL        F/F      A/H            A/H           A/H         F/F     F/F   F/F
            RESPOND_TO_REFERRAL  F/F      A/H            A/H           F/F         F/F     F/F   F/F
            LIST_CASES           F/F      F/F            F/F           A/H         F/F     F/F   F/F
            READ_CASE            F/F      F/F            F/F           A/H         F/F     F/F   F/F
            READ_TRIAGE_QUEUE    F/F      F/F            F/F           A/H         F/F     F/F   F/F
            READ_OVERDUE         F/F      F/F            F/F           A/H         F/F     F/F   F/F
            LIST_NOTIFICATIONS   F/F      F/F            F/F           A/H         F/F     F/F   F/F
            RETRY_NOTIFICATION   F/F      F/F            F/F           A/H         F/F     F/F   F/F
            REVEAL_INFORMANT     F/F      F/F            F/F           A/H         F/F     F/F   F/F
            ERASE_PERSONAL_DATA  F/F      F/F            F/F           A/H         F/F     F/F   F/F
            READ_FIGURES         F/F      F/F            F/F           A/H         A/H     F/F   F/F
            EXPORT_FIGURES       F/F      F/F            F/F           A/H         A/H     F/F   F/F
            REBUILD_PROJECTIONS  F/-      F/-            F/-           F/-         F/-     A/-   F/-
            READ_OPERATIONS      F/-      F/-            F/-           F/-         F/-     A/-   F/-
            READ_AUDIT           F/-      F/-            F/-           F/-         F/-     F/-   A/-
            EXPORT_AUDIT         F/-      F/-            F/-           F/-         F/-     F/-   A/-
            VERIFY_AUDIT_CHAIN   F/-      F/-            F/-           F/-         F/-     F/-   A/-
            """;

    @Test
    void everyRoleAndOperationInAndOutOfScopeDecidesAsTheTableSays() {
        List<String> lines = TABLE.lines().toList();
        List<Role> columns = List.of(lines.getFirst().trim().split("\\s+")).subList(1, 8).stream().map(Role::valueOf)
                .toList();
        assertThat(columns).containsExactlyInAnyOrder(Role.values());
        List<String> mismatches = new ArrayList<>();
        EnumSet<Operation> covered = EnumSet.noneOf(Operation.class);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.trim().split("\\s+");
            Operation operation = Operation.valueOf(cells[0]);
            covered.add(operation);
            for (int i = 0; i < columns.size(); i++) {
                Role role = columns.get(i);
                String[] expected = cells[i + 1].split("/");
                check(mismatches, role, operation, "in scope", inScope(role, operation), expected[0]);
                Target outside = outOfScope(operation);
                if (outside != null) {
                    check(mismatches, role, operation, "out of scope", outside, expected[1]);
                }
            }
        }
        assertThat(covered).as("every operation has a row").containsExactlyInAnyOrder(Operation.values());
        assertThat(mismatches).isEmpty();
    }

    private static void check(List<String> mismatches, Role role, Operation operation, String where, Target target,
                              String expected) {
        Decision decision = AccessPolicy.decide(ACTORS.get(role), operation, target, NOW);
        String actual = switch (decision) {
            case Decision.Allowed ignored -> "A";
            case Decision.Forbidden ignored -> "F";
            case Decision.Hidden ignored -> "H";
        };
        if (!actual.equals(expected)) {
            mismatches.add(role + " " + operation + " " + where + ": expected " + expected + ", got " + decision);
        }
    }

    @Test
    void anOperatorReadsBackOnlyTheirOwnSubmissionAndOnlyForADay() {
        Actor operator = ACTORS.get(Role.OPERATOR);
        Instant submitted = NOW.minus(Duration.ofHours(23));

        assertThat(AccessPolicy.decide(operator, READ_OWN_SUBMISSION, new Target.Submission("11", "op", submitted), NOW))
                .isInstanceOf(Decision.Allowed.class);
        assertThat(AccessPolicy.decide(operator, READ_OWN_SUBMISSION,
                new Target.Submission("11", "op", NOW.minus(AccessPolicy.READ_BACK)), NOW))
                .isInstanceOf(Decision.Hidden.class);
        assertThat(AccessPolicy.decide(operator, READ_OWN_SUBMISSION,
                new Target.Submission("11", "another-operator", submitted), NOW)).isInstanceOf(Decision.Hidden.class);
    }

    @Test
    void aProvincialOfficerOverseesTheDistrictUnitsOfTheirAgencyAndNoOtherAgency() {
        Actor provincial = ACTORS.get(Role.AGENCY_OFFICER);
        Actor district = new Actor("d", "cprp-console", Set.of(Role.AGENCY_OFFICER), Set.of("11"), "POLICE",
                "11-094-POLICE");

        assertThat(provincial.coversUnit("11-POLICE")).isTrue();
        assertThat(provincial.coversUnit("11-094-POLICE")).isTrue();
        assertThat(provincial.coversUnit("11-094-HEALTH")).isFalse();
        assertThat(provincial.coversUnit("110-POLICE")).isFalse();
        assertThat(district.coversUnit("11-094-POLICE")).isTrue();
        assertThat(district.coversUnit("11-POLICE")).as("not upwards").isFalse();
        assertThat(district.coversUnit("11-095-POLICE")).as("not sideways").isFalse();
    }

    @Test
    void theRespondingAgencyIsTheCredentialsAndABodyClaimingAnotherIsRefused() {
        Actor system = ACTORS.get(Role.AGENCY_SYSTEM);

        assertThat(AccessPolicy.checkClaimedResponder(system, null, null)).isInstanceOf(Decision.Allowed.class);
        assertThat(AccessPolicy.checkClaimedResponder(system, "POLICE", "11-096-POLICE"))
                .isInstanceOf(Decision.Allowed.class);
        assertThat(AccessPolicy.checkClaimedResponder(system, "HEALTH", null)).isInstanceOf(Decision.Forbidden.class);
        assertThat(AccessPolicy.checkClaimedResponder(system, "POLICE", "01-POLICE"))
                .isInstanceOf(Decision.Forbidden.class);
    }

    @Test
    void nationalFiguresNeedANationalScope() {
        Actor national = new Actor("n", "cprp-console", Set.of(Role.ANALYST), Set.of(Actor.NATIONAL), null, null);

        assertThat(AccessPolicy.decide(national, READ_FIGURES, new Target.Province(null), NOW).allowed()).isTrue();
        assertThat(AccessPolicy.decide(ACTORS.get(Role.ANALYST), READ_FIGURES, new Target.Province(null), NOW))
                .isInstanceOf(Decision.Hidden.class);
    }

    @Test
    void listsAreNarrowedToTheCallersScopeInTheQuery() {
        assertThat(QueryScope.forList(ACTORS.get(Role.AGENCY_OFFICER), LIST_REFERRALS, NOW))
                .isEqualTo(new QueryScope.AgencyUnits("POLICE", "11", Set.of()));
        assertThat(QueryScope.forList(ACTORS.get(Role.AGENCY_SYSTEM), LIST_REFERRALS, NOW))
                .isEqualTo(new QueryScope.AgencyUnits("POLICE", null, Set.of("11")));
        assertThat(QueryScope.forList(ACTORS.get(Role.COORDINATOR), LIST_CASES, NOW))
                .isEqualTo(new QueryScope.Provinces(Set.of("11")));
        assertThat(QueryScope.forList(ACTORS.get(Role.OPERATOR), READ_OWN_SUBMISSION, NOW))
                .isEqualTo(new QueryScope.SubmittedBy("op", NOW.minus(AccessPolicy.READ_BACK)));
        assertThat(QueryScope.forList(ACTORS.get(Role.ANALYST), LIST_CASES, NOW)).isEqualTo(new QueryScope.Nothing());
    }
}
