package vn.childprotection.platform.console.identity;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import vn.childprotection.platform.console.config.ConsoleProperties;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiscoveredClientRegistrationsTest {

    private static final ConsoleProperties.Identity IDENTITY = new ConsoleProperties.Identity(
            URI.create("http://127.0.0.1:8180/realms/cprp"), "cprp-console", "secret", List.of("openid", "profile"));

    @Test
    void the_console_is_a_confidential_client_that_requires_pkce() {
        ClientRegistration registration = new DiscoveredClientRegistrations(IDENTITY, issuer -> provider())
                .findByRegistrationId("cprp");

        assertThat(registration.getClientSettings().isRequireProofKey()).isTrue();
        assertThat(registration.getClientAuthenticationMethod())
                .isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        assertThat(registration.getAuthorizationGrantType()).isEqualTo(AuthorizationGrantType.AUTHORIZATION_CODE);
        assertThat(registration.getClientId()).isEqualTo("cprp-console");
        assertThat(registration.getRedirectUri()).isEqualTo("{baseUrl}/login/oauth2/code/{registrationId}");
        assertThat(registration.getScopes()).containsExactlyInAnyOrder("openid", "profile");
    }

    @Test
    void the_provider_is_read_at_the_first_use_and_again_after_a_failure_until_it_answers() {
        AtomicInteger reads = new AtomicInteger();
        DiscoveredClientRegistrations registrations = new DiscoveredClientRegistrations(IDENTITY, issuer -> {
            if (reads.incrementAndGet() == 1) {
                throw new IllegalArgumentException("the provider is still starting");
            }
            return provider();
        });
        assertThat(reads).as("nothing read at start-up").hasValue(0);

        assertThatThrownBy(() -> registrations.findByRegistrationId("cprp"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(registrations.findByRegistrationId("cprp")).isNotNull();
        assertThat(registrations.findByRegistrationId("cprp")).isNotNull();
        assertThat(reads).as("kept once read").hasValue(2);
        assertThat(registrations.findByRegistrationId("another")).isNull();
    }

    private static ClientRegistration.Builder provider() {
        String issuer = IDENTITY.issuerUri().toString();
        return ClientRegistration.withRegistrationId("discovered")
                .authorizationUri(issuer + "/protocol/openid-connect/auth")
                .tokenUri(issuer + "/protocol/openid-connect/token")
                .jwkSetUri(issuer + "/protocol/openid-connect/certs")
                .userInfoUri(issuer + "/protocol/openid-connect/userinfo")
                .userNameAttributeName("sub")
                .issuerUri(issuer);
    }
}
