package vn.childprotection.platform.testsupport.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * An OpenID Connect issuer for tests: real RS256 signatures, a real discovery document and JWKS endpoint, so that a
 * service under test validates tokens exactly as it does against Keycloak (issuer, audience, expiry, signature,
 * through {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}). Its authorization endpoint has no login form:
 * it signs in whoever {@link #nextLogin} names (checking the PKCE challenge at the token endpoint), for browser tests
 * of the console. Paths follow Keycloak's, under {@code /realms/cprp}.
 */
public final class TestIssuer implements AutoCloseable {

    /** The audience every platform API checks (the realm's audience mapper). */
    public static final String AUDIENCE = "cprp-api";
    public static final Duration LIFETIME = Duration.ofMinutes(30);
    /** The property a service's resource server takes its issuer from. */
    public static final String ISSUER_PROPERTY = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
    private static final String REALM_PATH = "/realms/cprp";
    private static final String PROTOCOL = REALM_PATH + "/protocol/openid-connect";

    private static volatile TestIssuer shared;

    private final HttpServer server;
    private final RSAKey key;
    private final String issuer;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, TestActor> machineClients = new ConcurrentHashMap<>();
    private volatile TestActor nextLogin;

    private record Grant(TestActor actor, String clientId, String redirectUri, String nonce, String challenge) {
    }

    private TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException("cannot start the test issuer", e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH;
        server.createContext(REALM_PATH + "/.well-known/openid-configuration", this::discovery);
        server.createContext(PROTOCOL + "/certs",
                exchange -> json(exchange, 200, new JWKSet(key.toPublicJWK()).toJSONObject()));
        server.createContext(PROTOCOL + "/auth", this::authorize);
        server.createContext(PROTOCOL + "/token", this::token);
        server.createContext(PROTOCOL + "/userinfo", this::userinfo);
        server.createContext(PROTOCOL + "/logout", this::logout);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        machineClients.put(TestActor.POLICE_11_SYSTEM.client(), TestActor.POLICE_11_SYSTEM);
    }

    /** One issuer for the whole test JVM, started on first use on a free loopback port. */
    public static TestIssuer shared() {
        TestIssuer current = shared;
        if (current == null) {
            synchronized (TestIssuer.class) {
                if (shared == null) {
                    shared = new TestIssuer();
                }
                current = shared;
            }
        }
        return current;
    }

    /** An issuer of its own (close it). */
    public static TestIssuer start() {
        return new TestIssuer();
    }

    /** Points a service under test at the {@link #shared()} issuer. */
    public static void register(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add(ISSUER_PROPERTY, () -> shared().issuerUri());
    }

    /** {@code http://127.0.0.1:<port>/realms/cprp}: what a service's {@code issuer-uri} is set to. */
    public String issuerUri() {
        return issuer;
    }

    /** A valid access token for the actor: this issuer, audience {@value #AUDIENCE}, {@link #LIFETIME}. */
    public String token(TestActor actor) {
        return token(actor, claims -> {
        });
    }

    /** {@code Bearer <token>}, for an {@code Authorization} header. */
    public String bearer(TestActor actor) {
        return "Bearer " + token(actor);
    }

    /** A token with its claims changed by the test (an expiry in the past, another audience, another issuer…). */
    public String token(TestActor actor, Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = accessClaims(actor);
        change.accept(claims);
        return sign(key, claims.build());
    }

    /** A well-formed token this issuer never signed: same claims, a key nobody published. */
    public String forged(TestActor actor) {
        try {
            RSAKey stranger = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            return sign(stranger, accessClaims(actor).build());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whom the authorization endpoint signs in next (a browser test's "login"); stays until changed. */
    public void nextLogin(TestActor actor) {
        this.nextLogin = actor;
    }

    /** A machine client the token endpoint serves with the client-credentials grant (any secret is accepted). */
    public void registerClient(TestActor machine) {
        machineClients.put(machine.client(), machine);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private JWTClaimsSet.Builder accessClaims(TestActor actor) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(actor.subject())
                .audience(List.of(AUDIENCE))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(1)))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .claim("typ", "Bearer")
                .claim("azp", actor.client())
                .claim("preferred_username", actor.username())
                .claim("scope", "openid profile")
                .claim("roles", actor.roles());
        if (!actor.provinces().isEmpty()) {
            claims.claim("province", actor.provinces());
        }
        if (actor.agency() != null) {
            claims.claim("agency", actor.agency());
        }
        if (actor.unit() != null) {
            claims.claim("unit", actor.unit());
        }
        return claims;
    }

    private static String sign(RSAKey signingKey, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void discovery(HttpExchange exchange) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("authorization_endpoint", issuer + "/protocol/openid-connect/auth");
        document.put("token_endpoint", issuer + "/protocol/openid-connect/token");
        document.put("jwks_uri", issuer + "/protocol/openid-connect/certs");
        document.put("userinfo_endpoint", issuer + "/protocol/openid-connect/userinfo");
        document.put("end_session_endpoint", issuer + "/protocol/openid-connect/logout");
        document.put("response_types_supported", List.of("code"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("code_challenge_methods_supported", List.of("S256"));
        document.put("grant_types_supported", List.of("authorization_code", "client_credentials"));
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        document.put("scopes_supported", List.of("openid", "profile"));
        json(exchange, 200, document);
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        TestActor actor = nextLogin;
        String redirect = query.get("redirect_uri");
        if (actor == null || redirect == null || !"code".equals(query.get("response_type"))) {
            json(exchange, 400, Map.of("error", "invalid_request"));
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(actor.withClient(query.get("client_id")), query.get("client_id"), redirect,
                query.get("nonce"), query.get("code_challenge")));
        String location = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code
                + (query.containsKey("state") ? "&state=" + encode(query.get("state")) : "");
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String clientId = clientIdOf(exchange, body);
        switch (body.getOrDefault("grant_type", "")) {
            case "authorization_code" -> {
                Grant grant = codes.remove(body.getOrDefault("code", ""));
                if (grant == null || !grant.clientId().equals(clientId)
                        || !grant.redirectUri().equals(body.get("redirect_uri"))
                        || (grant.challenge() != null && !grant.challenge().equals(s256(body.get("code_verifier"))))) {
                    json(exchange, 400, Map.of("error", "invalid_grant"));
                    return;
                }
                Map<String, Object> answer = tokenAnswer(grant.actor());
                JWTClaimsSet.Builder id = accessClaims(grant.actor()).audience(List.of(clientId))
                        .claim("typ", "ID").claim("name", grant.actor().username());
                if (grant.nonce() != null) {
                    id.claim("nonce", grant.nonce());
                }
                answer.put("id_token", sign(key, id.build()));
                json(exchange, 200, answer);
            }
            case "client_credentials" -> {
                TestActor machine = clientId == null ? null : machineClients.get(clientId);
                if (machine == null) {
                    json(exchange, 401, Map.of("error", "invalid_client"));
                    return;
                }
                json(exchange, 200, tokenAnswer(machine));
            }
            default -> json(exchange, 400, Map.of("error", "unsupported_grant_type"));
        }
    }

    private Map<String, Object> tokenAnswer(TestActor actor) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", token(actor));
        answer.put("token_type", "Bearer");
        answer.put("expires_in", LIFETIME.toSeconds());
        answer.put("scope", "openid profile");
        return answer;
    }

    private void userinfo(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        try {
            SignedJWT jwt = SignedJWT.parse(authorization == null ? "" : authorization.replaceFirst("^Bearer ", ""));
            if (!jwt.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(key.toRSAPublicKey()))) {
                json(exchange, 401, Map.of("error", "invalid_token"));
                return;
            }
            Map<String, Object> claims = new LinkedHashMap<>(jwt.getJWTClaimsSet().getClaims());
            claims.keySet().removeAll(List.of("iss", "aud", "exp", "iat", "nbf", "jti", "typ", "azp", "scope"));
            json(exchange, 200, claims);
        } catch (java.text.ParseException | JOSEException e) {
            json(exchange, 401, Map.of("error", "invalid_token"));
        }
    }

    private void logout(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String back = query.get("post_logout_redirect_uri");
        if (back == null) {
            json(exchange, 200, Map.of("logged_out", true));
            return;
        }
        String location = back + (query.containsKey("state")
                ? (back.contains("?") ? "&" : "?") + "state=" + encode(query.get("state")) : "");
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static String clientIdOf(HttpExchange exchange, Map<String, String> body) {
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8);
            return URLDecoder.decode(pair.substring(0, pair.indexOf(':')), StandardCharsets.UTF_8);
        }
        return body.get("client_id");
    }

    private static String s256(String verifier) {
        if (verifier == null) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void json(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = JSONObjectUtils.toJSONString(new LinkedHashMap<>(body)).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            exchange.close();
        }
    }
}
