package vn.childprotection.platform.deploy.bench;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The access tokens the bench's requests carry, like any client of the platform: fetched from the local identity
 * provider with the CLI client's password grant for a dev user (its password from {@code CPRP_PASSWORD_<USER>}, as
 * {@code ./platform} keeps them), and fetched again a minute before they expire, so a run longer than a token's
 * lifetime keeps going. Without a password for the user, requests go without a token (and are refused).
 */
final class BearerTokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration RENEW_BEFORE = Duration.ofSeconds(60);

    private record Token(String value, Instant expires) {
    }

    private final HttpClient http;
    private final URI tokenEndpoint;
    private final Function<String, String> passwords;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    BearerTokens(HttpClient http, URI tokenEndpoint, Function<String, String> passwords) {
        this.http = http;
        this.tokenEndpoint = tokenEndpoint;
        this.passwords = passwords;
    }

    /** Passwords from the environment: {@code operator-111} → {@code CPRP_PASSWORD_OPERATOR_111}. */
    static Function<String, String> fromEnvironment() {
        return user -> System.getenv("CPRP_PASSWORD_" + user.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** The request with the user's bearer token, when one can be had. */
    HttpRequest.Builder as(String user, HttpRequest.Builder request) {
        String token = tokenOf(user);
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private String tokenOf(String user) {
        Token current = tokens.get(user);
        if (current != null && Instant.now().isBefore(current.expires().minus(RENEW_BEFORE))) {
            return current.value();
        }
        synchronized (this) {
            current = tokens.get(user);
            if (current != null && Instant.now().isBefore(current.expires().minus(RENEW_BEFORE))) {
                return current.value();
            }
            String password = passwords.apply(user);
            if (password == null || password.isBlank()) {
                return null;
            }
            Token fresh = fetch(user, password);
            if (fresh != null) {
                tokens.put(user, fresh);
                return fresh.value();
            }
            return null;
        }
    }

    private Token fetch(String user, String password) {
        String form = "grant_type=password&client_id=cprp-cli&scope=openid&username=" + encode(user) + "&password="
                + encode(password);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenEndpoint)
                    .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                System.err.println("bench: no token for " + user + " (" + response.statusCode() + ")");
                return null;
            }
            var answer = JSON.readTree(response.body());
            return new Token(answer.path("access_token").asString(),
                    Instant.now().plusSeconds(answer.path("expires_in").asLong(60)));
        } catch (IOException e) {
            System.err.println("bench: the identity provider cannot be reached: " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
