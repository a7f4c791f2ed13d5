package vn.childprotection.platform.deploy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local realm ({@code deploy/identity/cprp-realm.json}) holds what {@code ./platform users} and {@code token}
 * promise: the dev users and the machine client with their roles and scopes, no secret in the file, and the token
 * claims the services will read.
 */
class IdentityRealmTest {

    private static final JsonNode REALM = read();

    private static JsonNode read() {
        try {
            return JsonMapper.builder().build().readTree(Files.readString(Path.of("identity", "cprp-realm.json")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDevUsersAreThePlatformScriptsWithTheirRoleAndAGeneratedPassword() throws IOException {
        Matcher block = Pattern.compile("IDENTITY_USERS=\"([^\"]*)\"").matcher(Files.readString(Path.of("..", "platform")));
        assertThat(block.find()).isTrue();
        Map<String, String> scripted = new TreeMap<>();
        block.group(1).lines().forEach(line -> scripted.put(line.split(":")[0], line.split(":")[1]));

        Map<String, String> realmUsers = new TreeMap<>();
        for (JsonNode user : REALM.get("users")) {
            if (user.has("serviceAccountClientId")) {
                continue;
            }
            String name = user.get("username").asString();
            assertThat(user.get("realmRoles")).hasSize(1);
            realmUsers.put(name, user.get("realmRoles").get(0).asString());
            String placeholder = "${CPRP_PASSWORD_" + name.toUpperCase().replace('-', '_') + "}";
            assertThat(user.get("credentials").get(0).get("value").asString()).as(name).isEqualTo(placeholder);
        }
        assertThat(realmUsers).isEqualTo(scripted).containsKeys("operator-111", "coordinator-11", "coordinator-01",
                "police-11", "health-11", "police-01", "analyst-11", "admin", "auditor");
        List<String> roles = new ArrayList<>();
        REALM.get("roles").get("realm").forEach(role -> roles.add(role.get("name").asString()));
        assertThat(roles).containsExactlyInAnyOrder("operator", "agency-officer", "agency-system", "coordinator",
                "analyst", "admin", "auditor");
        assertThat(roles).containsAll(realmUsers.values());
    }

    @Test
    void officersHaveAUnitOfTheirAgencyAndEveryoneScopedHasGsoProvinces() {
        for (JsonNode user : REALM.get("users")) {
            JsonNode attributes = user.get("attributes");
            String role = user.get("realmRoles").get(0).asString();
            if (role.equals("agency-officer")) {
                String agency = attributes.get("agency").get(0).asString();
                assertThat(attributes.get("unit").get(0).asString()).endsWith("-" + agency);
            }
            if (attributes != null && attributes.has("province")) {
                attributes.get("province").forEach(code -> assertThat(code.asString()).matches("\\d{2}|\\*"));
            }
        }
    }

    @Test
    void everyClientsTokensCarryTheAudienceAndTheRolesAndNoSecretIsWrittenDown() {
        for (JsonNode client : REALM.get("clients")) {
            List<String> mappers = new ArrayList<>();
            client.get("protocolMappers").forEach(mapper -> mappers.add(mapper.get("protocolMapper").asString()));
            assertThat(mappers).as(client.get("clientId").asString())
                    .contains("oidc-audience-mapper", "oidc-usermodel-realm-role-mapper");
            if (client.has("secret")) {
                assertThat(client.get("secret").asString()).startsWith("${CPRP_");
            }
        }
        JsonNode system = null;
        for (JsonNode client : REALM.get("clients")) {
            if (client.get("clientId").asString().equals("police-11-system")) system = client;
        }
        assertThat(system).isNotNull();
        assertThat(system.get("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(system.get("standardFlowEnabled").asBoolean()).isFalse();
        Map<String, String> claims = new TreeMap<>();
        system.get("protocolMappers").forEach(mapper -> {
            if (mapper.get("protocolMapper").asString().equals("oidc-hardcoded-claim-mapper")) {
                claims.put(mapper.get("config").get("claim.name").asString(),
                        mapper.get("config").get("claim.value").asString());
            }
        });
        assertThat(claims).containsEntry("agency", "POLICE").containsEntry("province", "[\"11\"]");
    }
}
