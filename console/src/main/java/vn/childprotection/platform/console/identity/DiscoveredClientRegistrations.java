package vn.childprotection.platform.console.identity;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import vn.childprotection.platform.console.config.ConsoleProperties;

import java.util.function.Function;

/**
 * The console's one client registration, built from the provider's discovery document at the first use rather than
 * at start-up: the console starts (and answers its health probes) while the identity provider is still starting, and
 * a provider that cannot be reached makes a login fail, not the console. Once read, the registration is kept.
 *
 * <p>PKCE is required explicitly ({@code clientSettings.requireProofKey}): the console is a confidential client, and
 * Spring Security then adds an S256 {@code code_challenge} to the authorization request and the
 * {@code code_verifier} to the token request. That is Spring Security 7's default for the authorization-code grant;
 * saying it here keeps it whatever the default becomes.
 */
public final class DiscoveredClientRegistrations implements ClientRegistrationRepository {

    /** The registration id: the callback is {@code /login/oauth2/code/cprp}. */
    public static final String REGISTRATION_ID = "cprp";

    private final ConsoleProperties.Identity identity;
    private final Function<String, ClientRegistration.Builder> discovery;
    private volatile ClientRegistration registration;

    public DiscoveredClientRegistrations(ConsoleProperties.Identity identity) {
        this(identity, ClientRegistrations::fromIssuerLocation);
    }

    DiscoveredClientRegistrations(ConsoleProperties.Identity identity,
                                  Function<String, ClientRegistration.Builder> discovery) {
        this.identity = identity;
        this.discovery = discovery;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        return REGISTRATION_ID.equals(registrationId) ? registration() : null;
    }

    /** The registration; reads the discovery document when it has not been read yet (and fails when it cannot). */
    public ClientRegistration registration() {
        ClientRegistration current = registration;
        if (current == null) {
            synchronized (this) {
                if (registration == null) {
                    registration = discovery.apply(identity.issuerUri().toString())
                            .registrationId(REGISTRATION_ID)
                            .clientId(identity.clientId())
                            .clientSecret(identity.clientSecret())
                            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                            .scope(identity.scopes())
                            .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                            .build();
                }
                current = registration;
            }
        }
        return current;
    }
}
