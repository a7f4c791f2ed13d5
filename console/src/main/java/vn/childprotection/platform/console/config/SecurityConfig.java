package vn.childprotection.platform.console.config;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import vn.childprotection.platform.access.Operation;
import vn.childprotection.platform.console.identity.ActorOidcUserService;
import vn.childprotection.platform.console.identity.DiscoveredClientRegistrations;
import vn.childprotection.platform.console.identity.Permissions;
import vn.childprotection.platform.console.web.Problems;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Who may see what, and how people sign in and out.
 *
 * <ul>
 *   <li>Sign-in: OpenID Connect authorization code with PKCE (S256) as the confidential client {@code cprp-console};
 *   the tokens stay in the HTTP session, never in the browser. A person whose token maps to no actor is refused.</li>
 *   <li>Sign-out: RP-initiated logout: the session ends here, then at the provider, which sends the browser back to
 *   {@code /signed-out}.</li>
 *   <li>Open: the health probes, the sign-in and signed-out pages and their styles. The dashboard and its API need
 *   {@link Operation#READ_FIGURES}; everything else a signed-in person. The relayed API answers 401/403 as
 *   problem+json instead of redirecting to the sign-in.</li>
 *   <li>CSRF protection on (session repository; the pages' forms carry the token), and the headers: a
 *   Content-Security-Policy that allows only the console's own scripts, styles, images and connections (no inline
 *   script, no CDN) and no framing, {@code Referrer-Policy: no-referrer}, {@code X-Frame-Options: DENY},
 *   {@code nosniff}, no caching of pages.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    static final String API = "/dashboard/api/**";
    static final String SERVICES_API = "/api/**";

    @Bean
    SecurityFilterChain consoleSecurity(HttpSecurity http, ClientRegistrationRepository registrations,
                                        OAuth2AuthorizedClientRepository authorizedClients,
                                        OAuth2UserService<OidcUserRequest, OidcUser> oidcUsers,
                                        ConsoleProperties properties) throws Exception {
        RequestMatcher api = new OrRequestMatcher(pathPattern(API), pathPattern(SERVICES_API));
        // after signing in, back to the page first asked for, at its own address (no "?continue" marker)
        HttpSessionRequestCache requests = new HttpSessionRequestCache();
        requests.setMatchingRequestParameterName(null);
        http
                .requestCache(cache -> cache.requestCache(requests))
                .authorizeHttpRequests(authorize -> authorize
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/login", "/signed-out", "/assets/**", "/favicon.ico").permitAll()
                        .requestMatchers("/inbox")
                        .hasAuthority(Permissions.authority(Operation.LIST_REFERRALS))
                        .requestMatchers("/referrals/*")
                        .hasAuthority(Permissions.authority(Operation.READ_REFERRAL))
                        .requestMatchers("/reports/new")
                        .hasAuthority(Permissions.authority(Operation.SUBMIT_REPORT))
                        .requestMatchers("/reports/mine")
                        .hasAuthority(Permissions.authority(Operation.READ_OWN_SUBMISSION))
                        .requestMatchers("/workspace")
                        .hasAuthority(Permissions.authority(Operation.LIST_CASES))
                        .requestMatchers("/cases/*")
                        .hasAnyAuthority(Permissions.authority(Operation.READ_CASE),
                                Permissions.authority(Operation.READ_OWN_SUBMISSION))
                        .requestMatchers("/audit")
                        .hasAuthority(Permissions.authority(Operation.READ_AUDIT))
                        .requestMatchers("/dashboard", "/dashboard/**")
                        .hasAuthority(Permissions.authority(Operation.READ_FIGURES))
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .loginPage("/login")
                        .clientRegistrationRepository(registrations)
                        .authorizedClientRepository(authorizedClients)
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUsers)))
                .logout(logout -> logout
                        .logoutSuccessHandler(providerLogout(registrations))
                        .deleteCookies("cprp-console-session"))
                .exceptionHandling(errors -> errors
                        // the relayed API answers for itself; every page sends the visitor to the sign-in page
                        .authenticationEntryPoint(DelegatingAuthenticationEntryPoint.builder()
                                .addEntryPointFor((request, response, e) -> Problems.write(response, 401,
                                        "Unauthorized", "sign in to the console first"), api)
                                .defaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
                                .build())
                        .defaultAccessDeniedHandlerFor((request, response, e) -> Problems.write(response, 403,
                                "Forbidden", e instanceof CsrfException ? "the request lacks the page's CSRF token"
                                        : "the account may not do this"), api))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(properties)))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .crossOriginOpenerPolicy(coop -> coop.policy(
                                CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * Only the console's own resources; no inline script or style, no plug-ins, no framing. The sign-out form's
     * answer redirects to the provider's end-session endpoint, so form-action names the provider's origin too.
     */
    static String contentSecurityPolicy(ConsoleProperties properties) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
                + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                + "form-action 'self' " + properties.identity().origin();
    }

    private static OidcClientInitiatedLogoutSuccessHandler providerLogout(ClientRegistrationRepository registrations) {
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}/signed-out");
        handler.setDefaultTargetUrl("/signed-out"); // a session that had already ended: nothing to end at the provider
        return handler;
    }

    @Bean
    DiscoveredClientRegistrations clientRegistrations(ConsoleProperties properties) {
        return new DiscoveredClientRegistrations(properties.identity());
    }

    /** The authorized clients (the tokens) in the HTTP session: they go with it at sign-out or expiry. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Gives the relay the session's access token, refreshed with the refresh token when it has expired. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
                                                          OAuth2AuthorizedClientRepository authorizedClients) {
        OAuth2AuthorizedClientProvider provider = OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build();
        DefaultOAuth2AuthorizedClientManager manager =
                new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(provider);
        return manager;
    }

    @Bean
    OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService() {
        return new ActorOidcUserService();
    }
}
