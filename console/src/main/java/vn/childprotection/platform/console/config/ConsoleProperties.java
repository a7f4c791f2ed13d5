package vn.childprotection.platform.console.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's settings.
 *
 * @param identity      the OpenID Connect provider and the console's client there
 * @param reporting     where the dashboard's API calls are relayed ({@code /dashboard/api/v1/**}, and
 *                      {@code /api/reporting/v1/**})
 * @param services      the other services the console's pages call through it ({@code /api/<name>/v1/**}): intake,
 *                      referral, notification, audit
 * @param secureCookies whether the language cookie is {@code Secure} (on behind HTTPS; the session cookie follows
 *                      {@code server.servlet.session.cookie.secure}, set from the same variable)
 */
@ConfigurationProperties("console")
public record ConsoleProperties(Identity identity, Upstream reporting, Map<String, Upstream> services,
                                @DefaultValue("false") boolean secureCookies) {

    /** The name under which reporting-service is relayed with the others. */
    public static final String REPORTING = "reporting";

    public ConsoleProperties {
        if (identity == null || reporting == null) {
            throw new IllegalArgumentException("console.identity and console.reporting must be set");
        }
        services = services == null ? Map.of() : Map.copyOf(services);
        services.keySet().stream().filter(name -> !name.matches("[a-z]{2,30}") || REPORTING.equals(name))
                .findFirst().ifPresent(name -> {
                    throw new IllegalArgumentException("console.services." + name + ": a service is named by 2 to "
                            + "30 small letters, reporting-service by console.reporting");
                });
    }

    /** The upstream a relayed path names ({@code reporting}, {@code intake}, ...), if the console knows it. */
    public Optional<Upstream> upstream(String name) {
        return REPORTING.equals(name) ? Optional.of(reporting) : Optional.ofNullable(services.get(name));
    }

    /**
     * @param issuerUri    the provider's issuer; its discovery document gives the endpoints (read at the first login,
     *                     so the console starts while the provider is still starting)
     * @param clientId     the console's confidential client ({@code cprp-console} in the local realm)
     * @param clientSecret its secret ({@code CPRP_CONSOLE_SECRET})
     * @param scopes       the scopes asked for: {@code openid} for the ID token, {@code profile} for the name
     */
    public record Identity(URI issuerUri, @DefaultValue("cprp-console") String clientId, String clientSecret,
                           @DefaultValue({"openid", "profile"}) List<String> scopes) {

        public Identity {
            if (issuerUri == null) {
                throw new IllegalArgumentException("console.identity.issuer-uri must be set (OIDC_ISSUER_URI)");
            }
            if (clientSecret == null || clientSecret.isBlank()) {
                throw new IllegalArgumentException("console.identity.client-secret is empty: set CPRP_CONSOLE_SECRET "
                        + "(./platform takes it from var/identity/secrets.env)");
            }
            scopes = List.copyOf(scopes);
        }

        /** The provider's origin ({@code scheme://host:port}): the logout form's redirect goes there. */
        public String origin() {
            return issuerUri.getScheme() + "://" + issuerUri.getRawAuthority();
        }
    }

    /**
     * @param url             the service's base URL; {@code /api/<name>/v1/**} goes to {@code <url>/api/v1/**}
     * @param connectTimeout  how long to wait for a connection to it
     * @param responseTimeout how long to wait for an answer's headers (an event stream then stays open)
     */
    public record Upstream(URI url, @DefaultValue("5s") Duration connectTimeout,
                           @DefaultValue("30s") Duration responseTimeout) {

        public Upstream {
            if (url == null) {
                throw new IllegalArgumentException("a relayed service's url must be set (REPORTING_URL, INTAKE_URL, "
                        + "REFERRAL_URL, NOTIFICATION_URL, AUDIT_URL)");
            }
        }
    }
}
