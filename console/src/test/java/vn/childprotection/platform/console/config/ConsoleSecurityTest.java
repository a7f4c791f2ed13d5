package vn.childprotection.platform.console.config;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;
import vn.childprotection.platform.access.ActorClaims;
import vn.childprotection.platform.console.fixtures.Signed;
import vn.childprotection.platform.console.identity.DiscoveredClientRegistrations;
import vn.childprotection.platform.console.identity.Permissions;
import vn.childprotection.platform.console.web.AreaPicker;
import vn.childprotection.platform.console.web.Pages;
import vn.childprotection.platform.console.web.ServiceRelay;
import vn.childprotection.platform.testsupport.identity.TestActor;
import vn.childprotection.platform.testsupport.identity.TestIssuer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's security setup on the web layer: who reaches which page, how the sign-in starts (PKCE S256), how
 * sign-out ends at the provider, CSRF, the headers, the language switch. The provider is the in-test issuer (its
 * discovery document gives the endpoints); people are signed in with spring-security-test's {@code oidcLogin()}.
 */
@WebMvcTest(controllers = {Pages.class, ServiceRelay.class, AreaPicker.class})
@Import({SecurityConfig.class, WebConfig.class})
class ConsoleSecurityTest {

    private static final String ISSUER = TestIssuer.shared().issuerUri();

    @Autowired
    MockMvc mvc;
    @Autowired
    DiscoveredClientRegistrations registrations;
    @Autowired
    OAuth2AuthorizedClientRepository authorizedClients;

    @DynamicPropertySource
    static void identity(DynamicPropertyRegistry registry) {
        registry.add("console.identity.issuer-uri", () -> ISSUER);
        registry.add("console.identity.client-secret", () -> "slice-test-secret");
        // nothing listens there: no test here reaches reporting-service
        registry.add("console.reporting.url", () -> "http://127.0.0.1:9");
    }

    @Test
    void an_anonymous_visitor_is_sent_to_the_sign_in_page() throws Exception {
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/dashboard/")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void the_sign_in_page_is_open_and_vietnamese_first() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"vi\">")))
                .andExpect(content().string(containsString("href=\"/oauth2/authorization/cprp\"")))
                .andExpect(content().string(containsString(">Đăng nhập</a>")));
    }

    @Test
    void the_sign_in_asks_for_an_authorization_code_with_a_pkce_s256_challenge() throws Exception {
        MvcResult result = mvc.perform(get("/oauth2/authorization/cprp"))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", startsWith(ISSUER + "/protocol/openid-connect/auth?")))
                .andReturn();

        UriComponents location = UriComponentsBuilder.fromUriString(result.getResponse().getHeader("Location")).build();
        assertThat(param(location, "response_type")).isEqualTo("code");
        assertThat(param(location, "client_id")).isEqualTo("cprp-console");
        assertThat(param(location, "scope")).isEqualTo("openid profile");
        assertThat(param(location, "redirect_uri")).isEqualTo("http://localhost/login/oauth2/code/cprp");
        assertThat(param(location, "state")).isNotBlank();
        assertThat(param(location, "nonce")).isNotBlank();
        assertThat(param(location, PkceParameterNames.CODE_CHALLENGE_METHOD)).isEqualTo("S256");
        // the verifier stays in the session; the challenge is its SHA-256
        OAuth2AuthorizationRequest pending = (OAuth2AuthorizationRequest) result.getRequest().getSession()
                .getAttribute("org.springframework.security.oauth2.client.web."
                        + "HttpSessionOAuth2AuthorizationRequestRepository.AUTHORIZATION_REQUEST");
        String verifier = pending.getAttribute(PkceParameterNames.CODE_VERIFIER);
        assertThat(param(location, PkceParameterNames.CODE_CHALLENGE)).isEqualTo(s256(verifier));
    }

    @Test
    void the_home_page_shows_who_is_signed_in_their_scope_and_what_their_roles_permit() throws Exception {
        mvc.perform(get("/").with(Signed.in(TestActor.COORDINATOR_11, registrations.registration())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Xin chào, Name of coordinator-11")))
                .andExpect(content().string(containsString("data-role=\"coordinator\">Điều phối viên</li>")))
                .andExpect(content().string(containsString("data-province=\"11\">Điện Biên (11)</li>")))
                .andExpect(content().string(
                        containsString("data-operation=\"READ_FIGURES\">Xem số liệu thống kê")))
                .andExpect(content().string(containsString("data-operation=\"REVEAL_INFORMANT\"")))
                .andExpect(content().string(not(containsString("data-operation=\"SUBMIT_REPORT\""))))
                .andExpect(content().string(containsString("href=\"/dashboard/\"")));
    }

    @Test
    void the_pickers_offer_todays_34_provinces_and_a_provinces_communes_to_anyone_signed_in() throws Exception {
        mvc.perform(get("/areas").with(Signed.in(TestActor.POLICE_11, registrations.registration())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.provinces.length()").value(34))
                .andExpect(jsonPath("$.communes.length()").value(0));
        mvc.perform(get("/areas?province=11").with(Signed.in(TestActor.OPERATOR_111,
                        registrations.registration())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.communes[?(@.code == '03127')].fullName").value("Phường Điện Biên Phủ"));
        mvc.perform(get("/areas")).andExpect(status().isFound());
    }

    @Test
    void the_inbox_and_a_referral_page_are_the_officers() throws Exception {
        mvc.perform(get("/inbox").with(Signed.in(TestActor.POLICE_11, registrations.registration())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-tab=\"overdue\"")))
                .andExpect(content().string(containsString("src=\"/assets/inbox.js\"")));
        mvc.perform(get("/referrals/3f0e9a4c-2b1d-4c8e-9f6a-7d5b1e2c3a40")
                        .with(Signed.in(TestActor.POLICE_11, registrations.registration())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "<meta name=\"referral-id\" content=\"3f0e9a4c-2b1d-4c8e-9f6a-7d5b1e2c3a40\">")))
                .andExpect(content().string(containsString("data-code=\"outcome:SUPPORT_PROVIDED\"")));
        mvc.perform(get("/inbox").with(Signed.in(TestActor.OPERATOR_111, registrations.registration())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/").with(Signed.in(TestActor.POLICE_11, registrations.registration())))
                .andExpect(content().string(containsString("data-testid=\"nav-inbox\"")))
                .andExpect(content().string(not(containsString("data-testid=\"nav-report\""))));
        mvc.perform(get("/").with(Signed.in(TestActor.OPERATOR_111, registrations.registration())))
                .andExpect(content().string(containsString("data-testid=\"nav-report\"")));
    }

    @Test
    void each_workspace_is_for_the_roles_whose_operations_it_serves_and_the_header_links_only_those() throws Exception {
        String caseId = "/cases/5b1d7a52-3f0e-3a41-9d7e-0c2b3e0f4a11";
        for (String page : List.of("/workspace", caseId)) {
            mvc.perform(get(page).with(Signed.in(TestActor.COORDINATOR_11, registrations.registration())))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("<meta name=\"csrf-token\" content=\"")));
            mvc.perform(get(page).with(Signed.in(TestActor.POLICE_11, registrations.registration())))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get(caseId).with(Signed.in(TestActor.COORDINATOR_11, registrations.registration())))
                .andExpect(content().string(containsString("id=\"reveal-reason\"")));
        mvc.perform(get(caseId).with(Signed.in(TestActor.OPERATOR_111, registrations.registration())))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"reveal-reason\""))));
        mvc.perform(get("/reports/mine").with(Signed.in(TestActor.OPERATOR_111, registrations.registration())))
                .andExpect(status().isOk());
        mvc.perform(get("/reports/mine").with(Signed.in(TestActor.COORDINATOR_11, registrations.registration())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/audit").with(Signed.in(TestActor.AUDITOR, registrations.registration())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"audit-csv\"")));
        mvc.perform(get("/audit").with(Signed.in(TestActor.COORDINATOR_11, registrations.registration())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/").with(Signed.in(TestActor.COORDINATOR_11, registrations.registration())))
                .andExpect(content().string(containsString("data-testid=\"nav-workspace\"")))
                .andExpect(content().string(not(containsString("data-testid=\"nav-audit\""))));
        mvc.perform(get("/").with(Signed.in(TestActor.AUDITOR, registrations.registration())))
                .andExpect(content().string(containsString("data-testid=\"nav-audit\"")))
                .andExpect(content().string(not(containsString("data-testid=\"nav-workspace\""))));
    }

    @Test
    void the_new_report_form_is_the_operators_and_carries_the_csrf_token_for_its_calls() throws Exception {
        mvc.perform(get("/reports/new").with(Signed.in(TestActor.OPERATOR_111, registrations.registration())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<meta name=\"csrf-token\" content=\"")))
                .andExpect(content().string(containsString("data-concern=\"SEXUAL_ABUSE\"")))
                .andExpect(content().string(containsString("Bị xâm hại tình dục")))
                .andExpect(content().string(containsString("src=\"/assets/report-new.js\"")));
        mvc.perform(get("/reports/new").with(Signed.in(TestActor.ANALYST_11, registrations.registration())))
                .andExpect(status().isForbidden());
    }

    @Test
    void an_officer_sees_agency_and_unit_and_no_way_to_the_figures() throws Exception {
        mvc.perform(get("/").with(Signed.in(TestActor.POLICE_11, registrations.registration())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-agency=\"POLICE\">Công an</dd>")))
                .andExpect(content().string(containsString(">11-POLICE</dd>")))
                .andExpect(content().string(containsString("data-operation=\"RESPOND_TO_REFERRAL\"")))
                .andExpect(content().string(not(containsString("href=\"/dashboard/\""))));
    }

    @Test
    void english_is_a_switch_away_and_remembered_in_a_cookie() throws Exception {
        mvc.perform(get("/").param("lang", "en").with(Signed.in(TestActor.OPERATOR_111, registrations.registration())))
                .andExpect(status().isOk())
                .andExpect(cookie().value("cprp-lang", "en"))
                .andExpect(cookie().httpOnly("cprp-lang", false))
                .andExpect(content().string(containsString("<html lang=\"en\">")))
                .andExpect(content().string(containsString("Hello, Name of operator-111")))
                .andExpect(content().string(containsString("data-province=\"*\">National (every province)")));

        mvc.perform(get("/").cookie(new Cookie("cprp-lang", "en"))
                        .with(Signed.in(TestActor.OPERATOR_111, registrations.registration())))
                .andExpect(content().string(containsString("What you may do")));
        mvc.perform(get("/").param("lang", "fr").with(Signed.in(TestActor.OPERATOR_111, registrations.registration())))
                .andExpect(cookie().doesNotExist("cprp-lang"))
                .andExpect(content().string(containsString("<html lang=\"vi\">")));
    }

    @Test
    void the_dashboard_and_its_api_need_the_right_to_read_figures() throws Exception {
        mvc.perform(get("/dashboard/").with(Signed.in(TestActor.ANALYST_11, registrations.registration())))
                .andExpect(status().isOk())
                .andExpect(forwardedUrl("/dashboard/index.html"));
        mvc.perform(get("/dashboard").with(Signed.in(TestActor.ANALYST_11, registrations.registration())))
                .andExpect(redirectedUrl("/dashboard/"));

        mvc.perform(get("/dashboard/").with(Signed.in(TestActor.OPERATOR_111, registrations.registration())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/dashboard/api/v1/stats/overview")
                        .with(Signed.in(TestActor.OPERATOR_111, registrations.registration())))
                .andExpect(status().isForbidden())
                .andExpect(header().string("Content-Type", "application/problem+json"));
        mvc.perform(get("/dashboard/api/v1/stats/overview"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", "application/problem+json"));
    }

    @Test
    void every_page_carries_a_strict_content_security_policy_and_the_other_security_headers() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", "default-src 'self'; script-src 'self'; "
                        + "style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; "
                        + "base-uri 'none'; frame-ancestors 'none'; form-action 'self' "
                        + ISSUER.substring(0, ISSUER.indexOf("/realms"))))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Cross-Origin-Opener-Policy", "same-origin"))
                .andExpect(header().string("Cache-Control", containsString("no-store")));
    }

    @Test
    void the_pages_forms_carry_the_csrf_token_and_sign_out_needs_it() throws Exception {
        mvc.perform(get("/").with(Signed.in(TestActor.ANALYST_11, registrations.registration())))
                .andExpect(content().string(containsString("action=\"/logout\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));

        mvc.perform(post("/logout").with(Signed.in(TestActor.ANALYST_11, registrations.registration())))
                .andExpect(status().isForbidden());
    }

    @Test
    void signing_out_ends_the_session_and_sends_the_browser_to_the_providers_end_session_endpoint()
            throws Exception {
        MockHttpSession session = new MockHttpSession();
        MvcResult result = mvc.perform(post("/logout").session(session).with(csrf())
                        .with(Signed.in(TestActor.ANALYST_11, registrations.registration())))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", startsWith(ISSUER + "/protocol/openid-connect/logout?")))
                .andExpect(cookie().maxAge("cprp-console-session", 0))
                .andReturn();

        UriComponents location = UriComponentsBuilder.fromUriString(result.getResponse().getHeader("Location")).build();
        assertThat(param(location, "id_token_hint")).isNotBlank();
        assertThat(param(location, "post_logout_redirect_uri")).isEqualTo("http://localhost/signed-out");
        assertThat(session.isInvalid()).isTrue();
        mvc.perform(get("/signed-out")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Bạn đã đăng xuất")));
    }

    @Test
    void a_session_whose_access_token_expired_and_cannot_be_refreshed_ends_with_a_401() throws Exception {
        // the test issuer has no refresh grant: the refresh is refused, as a provider whose session ended refuses it
        OAuth2AuthenticationToken signedIn = signedIn(TestActor.ANALYST_11);
        MockHttpSession session = new MockHttpSession();
        MockHttpServletRequest holder = new MockHttpServletRequest();
        holder.setSession(session);
        Instant issued = Instant.now().minusSeconds(3600);
        authorizedClients.saveAuthorizedClient(new OAuth2AuthorizedClient(registrations.registration(),
                signedIn.getName(), new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "expired", issued,
                issued.plusSeconds(300)), new OAuth2RefreshToken("refresh", issued)), signedIn, holder,
                new MockHttpServletResponse());

        mvc.perform(get("/dashboard/api/v1/stats/overview").session(session).with(authentication(signedIn)))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", "application/problem+json"));
        assertThat(session.isInvalid()).as("the console's session ends too").isTrue();
    }

    private OAuth2AuthenticationToken signedIn(TestActor actor) {
        var claims = Signed.claims(actor);
        var actorOf = ((ActorClaims.Mapped) ActorClaims.map(claims)).actor();
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token").claims(all -> all.putAll(claims))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300)).build();
        DefaultOidcUser user = new DefaultOidcUser(Permissions.authorities(actorOf), idToken);
        return new OAuth2AuthenticationToken(user, user.getAuthorities(),
                DiscoveredClientRegistrations.REGISTRATION_ID);
    }

    private static String param(UriComponents uri, String name) {
        String value = uri.getQueryParams().getFirst(name);
        return value == null ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String s256(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
