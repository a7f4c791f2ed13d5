package vn.childprotection.platform.console.config;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay's token source: a session's expired access token is refreshed with its refresh token, then kept. */
class AuthorizedClientManagerTest {

    private HttpServer tokenEndpoint;
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startTokenEndpoint() throws IOException {
        tokenEndpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        tokenEndpoint.createContext("/token", exchange -> {
            tokenRequests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = """
                    {"access_token":"fresh","token_type":"Bearer","expires_in":300,"refresh_token":"next"}"""
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        tokenEndpoint.start();
    }

    @AfterEach
    void stopTokenEndpoint() {
        tokenEndpoint.stop(0);
    }

    @Test
    void an_expired_access_token_is_refreshed_with_the_refresh_token_and_kept_in_the_session() {
        ClientRegistration registration = ClientRegistration.withRegistrationId("cprp")
                .clientId("cprp-console").clientSecret("secret")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .authorizationUri("http://127.0.0.1:1/auth")
                .tokenUri("http://127.0.0.1:" + tokenEndpoint.getAddress().getPort() + "/token")
                .build();
        OAuth2AuthorizedClientRepository sessions = new HttpSessionOAuth2AuthorizedClientRepository();
        OAuth2AuthorizedClientManager manager = new SecurityConfig()
                .authorizedClientManager(new InMemoryClientRegistrationRepository(registration), sessions);
        TestingAuthenticationToken person = new TestingAuthenticationToken("subject-analyst-11", null, "ROLE_ANALYST");
        MockHttpServletRequest request = new MockHttpServletRequest();
        MockHttpServletResponse response = new MockHttpServletResponse();
        Instant issued = Instant.now().minusSeconds(600);
        sessions.saveAuthorizedClient(new OAuth2AuthorizedClient(registration, person.getName(),
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "expired", issued, issued.plusSeconds(300)),
                new OAuth2RefreshToken("refresh-1", issued)), person, request, response);

        OAuth2AuthorizedClient client = manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId("cprp")
                .principal(person)
                .attribute(HttpServletRequest.class.getName(), request)
                .attribute(HttpServletResponse.class.getName(), response)
                .build());

        assertThat(client.getAccessToken().getTokenValue()).isEqualTo("fresh");
        assertThat(tokenRequests).singleElement().satisfies(body -> assertThat(body)
                .contains("grant_type=refresh_token").contains("refresh_token=refresh-1"));
        OAuth2AuthorizedClient kept = sessions.loadAuthorizedClient("cprp", person, request);
        assertThat(kept.getAccessToken().getTokenValue()).isEqualTo("fresh");
        assertThat(kept.getRefreshToken().getTokenValue()).isEqualTo("next");
    }
}
