package vn.childprotection.platform.access;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Claims as the local realm (deploy/identity/cprp-realm.json) writes them into access tokens. */
class ActorClaimsTest {

    @Test
    void anOfficersTokenGivesTheirAgencyUnitAndProvince() {
        ActorClaims.Result result = ActorClaims.map(Map.of("sub", "u-1", "azp", "cprp-cli",
                "roles", List.of("agency-officer", "offline_access"), "province", List.of("11"),
                "agency", "POLICE", "unit", "11-POLICE"));

        assertThat(result).isEqualTo(new ActorClaims.Mapped(new Actor("u-1", "cprp-cli", Set.of(Role.AGENCY_OFFICER),
                Set.of("11"), "POLICE", "11-POLICE")));
    }

    @Test
    void aMachineClientsTokenGivesItsAgencyInItsProvinces() {
        ActorClaims.Result result = ActorClaims.map(Map.of("sub", "sa-1", "azp", "police-11-system",
                "roles", List.of("agency-system"), "province", List.of("11"), "agency", "POLICE"));

        assertThat(result).isInstanceOfSatisfying(ActorClaims.Mapped.class, mapped -> {
            assertThat(mapped.actor().coversUnit("11-096-POLICE")).isTrue();
            assertThat(mapped.actor().coversUnit("01-POLICE")).isFalse();
        });
    }

    @Test
    void anIncompleteScopeIsRefusedNeverWidened() {
        assertThat(ActorClaims.map(Map.of("sub", "u", "roles", List.of("agency-officer"), "agency", "POLICE")))
                .isEqualTo(new ActorClaims.Refused("role agency-officer needs a unit of agency POLICE in the token"));
        assertThat(ActorClaims.map(Map.of("sub", "u", "roles", List.of("agency-officer"), "agency", "POLICE",
                "unit", "11-HEALTH"))).isInstanceOf(ActorClaims.Refused.class);
        assertThat(ActorClaims.map(Map.of("sub", "u", "roles", List.of("operator"))))
                .isEqualTo(new ActorClaims.Refused("role operator needs provinces in the token"));
        assertThat(ActorClaims.map(Map.of("sub", "u", "roles", List.of("uma_authorization"))))
                .isEqualTo(new ActorClaims.Refused("the token carries no role of this platform"));
        assertThat(ActorClaims.map(Map.of("roles", List.of("admin"))))
                .isEqualTo(new ActorClaims.Refused("the token names no subject"));
        assertThat(ActorClaims.map(Map.of("sub", "u", "roles", List.of("analyst"), "province", List.of("*", "11"))))
                .isInstanceOf(ActorClaims.Refused.class);
        assertThat(ActorClaims.map(Map.of("sub", "u", "roles", List.of("analyst"), "province", List.of("Hà Nội"))))
                .isInstanceOf(ActorClaims.Refused.class);
    }

    @Test
    void theNationalLinesOperatorCoversEveryProvince() {
        ActorClaims.Result result = ActorClaims.map(Map.of("sub", "op", "roles", List.of("operator"),
                "province", List.of("*")));

        assertThat(result).isInstanceOfSatisfying(ActorClaims.Mapped.class, mapped -> {
            assertThat(mapped.actor().coversProvince("01")).isTrue();
            assertThat(mapped.actor().coversProvince("96")).isTrue();
        });
    }
}
