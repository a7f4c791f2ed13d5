package vn.childprotection.platform.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.platform.console.config.ConsoleProperties;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Relays the pages' API calls to the services with the signed-in person's access token, so that each person reads
 * and does what their own scope allows (the services decide): the dashboard's {@code GET /dashboard/api/v1/**} to
 * reporting-service, and {@code GET|POST /api/<service>/v1/**} to the service of that name
 * ({@link ConsoleProperties#upstream}). The token comes from the session through the
 * {@link OAuth2AuthorizedClientManager}, which refreshes it when it has expired; the browser never sees it.
 *
 * <p>Nothing of the browser's request goes upstream but the path, the query, the headers a view needs
 * ({@code Accept}, {@code Accept-Language}, {@code Last-Event-ID}) and, for a POST, its JSON body (at most
 * {@value #MAX_BODY} bytes; the console's CSRF check has passed before it gets here); no cookie, no CSRF token. The
 * answer comes back as it is: status, content type, the download and caching headers and the body, problem+json
 * errors included. An event stream ({@code text/event-stream}) is flushed to the browser chunk by chunk, and the
 * upstream connection is closed as soon as the browser has gone (the services send a heartbeat, so that shows
 * within seconds).
 */
@RestController
public class ServiceRelay {

    static final String PREFIX = "/dashboard";
    static final int MAX_BODY = 64 * 1024;
    private static final Pattern API_PATH = Pattern.compile("/api/v1/[A-Za-z0-9._~%/-]*");
    private static final List<String> REQUEST_HEADERS =
            List.of(HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE, "Last-Event-ID");
    private static final List<String> RESPONSE_HEADERS = List.of(HttpHeaders.CONTENT_TYPE,
            HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.CONTENT_LANGUAGE, HttpHeaders.CACHE_CONTROL,
            HttpHeaders.EXPIRES, HttpHeaders.PRAGMA, HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION, HttpHeaders.ETAG);
    private static final String EVENT_STREAM = "text/event-stream";
    /**
     * A relayed HTML document (the printable periodic report) keeps its own inline styles but can run nothing, load
     * nothing from elsewhere, submit nothing and be framed by nobody; the console's pages keep their stricter policy.
     */
    static final String RELAYED_DOCUMENT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";
    private static final Logger log = LoggerFactory.getLogger(ServiceRelay.class);

    private final OAuth2AuthorizedClientManager clients;
    private final HttpClient http;
    private final ConsoleProperties properties;

    public ServiceRelay(OAuth2AuthorizedClientManager clients, HttpClient relayClient, ConsoleProperties properties) {
        this.clients = clients;
        this.http = relayClient;
        this.properties = properties;
    }

    /** The dashboard's reads, to reporting-service. */
    @GetMapping(PREFIX + "/api/v1/**")
    public void relayDashboard(HttpServletRequest request, HttpServletResponse response,
                               OAuth2AuthenticationToken authentication) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length() + PREFIX.length());
        relay(ConsoleProperties.REPORTING, path, request, response, authentication);
    }

    /** The pages' reads and actions, to the service the path names. */
    @RequestMapping(path = "/api/{service}/v1/**", method = {RequestMethod.GET, RequestMethod.POST})
    public void relayService(@PathVariable String service, HttpServletRequest request, HttpServletResponse response,
                             OAuth2AuthenticationToken authentication) throws IOException {
        String prefix = "/api/" + service;
        String path = "/api" + request.getRequestURI().substring(request.getContextPath().length() + prefix.length());
        relay(service, path, request, response, authentication);
    }

    private void relay(String service, String path, HttpServletRequest request, HttpServletResponse response,
                       OAuth2AuthenticationToken authentication) throws IOException {
        ConsoleProperties.Upstream upstream = properties.upstream(service).orElse(null);
        if (upstream == null) {
            Problems.write(response, 404, "Not Found", "no service of that name behind the console");
            return;
        }
        URI target = target(upstream, path, request.getQueryString());
        if (target == null) {
            Problems.write(response, 400, "Bad Request", "not a path of the " + service + " API");
            return;
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        boolean post = "POST".equals(request.getMethod());
        if (post) {
            String type = request.getContentType();
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                Problems.write(response, 415, "Unsupported Media Type", "send JSON (application/json)");
                return;
            }
            byte[] bytes = request.getInputStream().readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                Problems.write(response, 413, "Content Too Large", "at most " + MAX_BODY + " bytes");
                return;
            }
            body = HttpRequest.BodyPublishers.ofByteArray(bytes);
        }
        String token = accessToken(request, response, authentication);
        if (token == null) {
            Problems.write(response, 401, "Unauthorized", "the session has ended: sign in again");
            return;
        }
        HttpRequest.Builder call = HttpRequest.newBuilder(target).method(post ? "POST" : "GET", body)
                .timeout(upstream.responseTimeout())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        if (post) {
            call.header(HttpHeaders.CONTENT_TYPE, "application/json");
        }
        for (String name : REQUEST_HEADERS) {
            String value = request.getHeader(name);
            if (value != null) {
                call.header(name, value);
            }
        }
        HttpResponse<InputStream> answer;
        try {
            answer = http.send(call.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            log.warn("{} did not answer {} in time", service, path);
            Problems.write(response, 504, "Gateway Timeout", service + " did not answer in time");
            return;
        } catch (ConnectException e) {
            log.warn("{} cannot be reached for {}: {}", service, path, e.toString());
            Problems.write(response, 502, "Bad Gateway", service + " cannot be reached");
            return;
        } catch (IOException e) {
            log.warn("{} failed on {}: {}", service, path, e.toString());
            Problems.write(response, 502, "Bad Gateway", service + " did not answer");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Problems.write(response, 503, "Service Unavailable", "the console is stopping");
            return;
        }
        copy(answer, response);
    }

    /** The upstream URI, or null when the path is not one of the API's (no dot segments, no other characters). */
    private static URI target(ConsoleProperties.Upstream upstream, String path, String query) {
        if (!API_PATH.matcher(path).matches() || path.contains("..") || path.contains("//")) {
            return null;
        }
        try {
            String base = upstream.url().toString().replaceAll("/+$", "");
            return URI.create(base + path + (query == null || query.isEmpty() ? "" : "?" + query));
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /**
     * The person's access token, refreshed when it has expired; null when there is none any more (the refresh was
     * refused: the provider's session has ended), in which case the console's session ends too.
     */
    private String accessToken(HttpServletRequest request, HttpServletResponse response,
                               OAuth2AuthenticationToken authentication) {
        OAuth2AuthorizeRequest authorize = OAuth2AuthorizeRequest
                .withClientRegistrationId(authentication.getAuthorizedClientRegistrationId())
                .principal(authentication)
                .attribute(HttpServletRequest.class.getName(), request)
                .attribute(HttpServletResponse.class.getName(), response)
                .build();
        try {
            OAuth2AuthorizedClient client = clients.authorize(authorize);
            if (client != null) {
                return client.getAccessToken().getTokenValue();
            }
        } catch (OAuth2AuthorizationException e) {
            log.info("no access token for the session any more: {}", e.getError().getErrorCode());
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return null;
    }

    private static void copy(HttpResponse<InputStream> answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.statusCode());
        for (String name : RESPONSE_HEADERS) {
            answer.headers().allValues(name).forEach(value -> response.addHeader(name, value));
        }
        String type = answer.headers().firstValue(HttpHeaders.CONTENT_TYPE).orElse("");
        boolean stream = type.startsWith(EVENT_STREAM);
        if (type.startsWith("text/html")) {
            response.setHeader("Content-Security-Policy", RELAYED_DOCUMENT_POLICY);
        }
        if (stream) {
            // no proxy in front may hold the events back either
            response.setHeader("X-Accel-Buffering", "no");
        } else {
            answer.headers().firstValueAsLong(HttpHeaders.CONTENT_LENGTH).ifPresent(response::setContentLengthLong);
        }
        try (InputStream body = answer.body()) {
            OutputStream out = response.getOutputStream();
            if (stream) {
                response.flushBuffer(); // the browser's EventSource opens now, not at the first event
            }
            byte[] buffer = new byte[8192];
            int read;
            while ((read = body.read(buffer)) != -1) {
                out.write(buffer, 0, read);
                if (stream) {
                    out.flush();
                }
            }
            out.flush();
        } catch (IOException gone) {
            // the browser left (closing the body closes the upstream connection) or the service broke off
            log.debug("relay ended early: {}", gone.toString());
        }
    }
}
