package vn.childprotection.platform.testsupport.identity;

import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;

/**
 * Someone a test signs a token for: the claims the local realm's mappers put into an access token (subject, the
 * client it was issued to, the platform roles, the provinces, agency and unit). The constants mirror the local
 * realm's dev users ({@code deploy/identity/cprp-realm.json}); {@code with…} gives a variant.
 *
 * @param subject   the token's {@code sub}
 * @param username  the token's {@code preferred_username}
 * @param client    the token's {@code azp}
 * @param roles     role claim names: {@code operator}, {@code agency-officer}, …
 * @param provinces GSO province codes, or {@code *} alone
 * @param agency    agency code, or {@code null}
 * @param unit      unit id, or {@code null}
 */
public record TestActor(String subject, String username, String client, List<String> roles, List<String> provinces,
                        String agency, String unit) {

    public static final String CONSOLE = "cprp-console";
    public static final String CLI = "cprp-cli";

    public static final TestActor OPERATOR_111 = person("operator-111", "operator", List.of("*"), null, null);
    public static final TestActor COORDINATOR_11 = person("coordinator-11", "coordinator", List.of("11"), null, null);
    public static final TestActor COORDINATOR_01 = person("coordinator-01", "coordinator", List.of("01"), null, null);
    public static final TestActor POLICE_11 = person("police-11", "agency-officer", List.of("11"), "POLICE",
            "11-POLICE");
    public static final TestActor HEALTH_11 = person("health-11", "agency-officer", List.of("11"), "HEALTH",
            "11-HEALTH");
    public static final TestActor POLICE_01 = person("police-01", "agency-officer", List.of("01"), "POLICE",
            "01-POLICE");
    /** A coordinator of every province (not a dev user of the realm): reads any sample case of a test. */
    public static final TestActor NATIONAL_COORDINATOR = person("coordinator-vn", "coordinator", List.of("*"), null,
            null);
    public static final TestActor ANALYST_11 = person("analyst-11", "analyst", List.of("11"), null, null);
    public static final TestActor ADMIN = person("admin", "admin", List.of(), null, null);
    public static final TestActor AUDITOR = person("auditor", "auditor", List.of(), null, null);
    /** The Điện Biên police's own system: client credentials, POLICE, every unit in province 11. */
    public static final TestActor POLICE_11_SYSTEM = new TestActor("service-account-police-11-system",
            "service-account-police-11-system", "police-11-system", List.of("agency-system"), List.of("11"),
            "POLICE", null);

    public TestActor {
        roles = List.copyOf(roles);
        provinces = List.copyOf(provinces);
    }

    /** A person of the local realm, signed in through the CLI client; the subject is derived from the name. */
    public static TestActor person(String username, String role, List<String> provinces, String agency, String unit) {
        return new TestActor("subject-" + username, username, CLI, List.of(role), provinces, agency, unit);
    }

    /** The claims the realm's mappers put into this actor's access token (for spring-security-test's {@code jwt()}). */
    /** A MockMvc request carrying this actor's access token, as a service's resource server reads it. */
    public RequestPostProcessor bearer() {
        return SecurityMockMvcRequestPostProcessors.jwt().jwt(token -> token.claims(claims -> claims.putAll(claims())));
    }

    public java.util.Map<String, Object> claims() {
        java.util.Map<String, Object> claims = new java.util.LinkedHashMap<>();
        claims.put("sub", subject);
        claims.put("azp", client);
        claims.put("preferred_username", username);
        claims.put("roles", roles);
        if (!provinces.isEmpty()) {
            claims.put("province", provinces);
        }
        if (agency != null) {
            claims.put("agency", agency);
        }
        if (unit != null) {
            claims.put("unit", unit);
        }
        return claims;
    }

    public TestActor withSubject(String subject) {
        return new TestActor(subject, username, client, roles, provinces, agency, unit);
    }

    public TestActor withClient(String client) {
        return new TestActor(subject, username, client, roles, provinces, agency, unit);
    }

    public TestActor withRoles(String... roles) {
        return new TestActor(subject, username, client, List.of(roles), provinces, agency, unit);
    }

    public TestActor withProvinces(String... provinces) {
        return new TestActor(subject, username, client, roles, List.of(provinces), agency, unit);
    }

    public TestActor withUnit(String unit) {
        return new TestActor(subject, username, client, roles, provinces, agency, unit);
    }
}
