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
import java.util.regex.Pattern;

/**
 * Relays the dashboard's API calls ({@code GET /dashboard/api/v1/**}) to reporting-service's {@code /api/v1/**} with
 * the signed-in person's access token, so that each person sees the figures of their own scope (reporting-service
 * decides). The token comes from the session through the {@link OAuth2AuthorizedClientManager}, which refreshes it
 * when it has expired; the browser never sees it.
 *
 * <p>Only GET. Nothing of the browser's request goes upstream but the path, the query and the headers a view needs
 * ({@code Accept}, {@code Accept-Language}, {@code Last-Event-ID}); no cookie, no CSRF token. The answer comes back
 * as it is: status, content type, the download and caching headers and the body, problem+json errors included. An
 * event stream ({@code text/event-stream}) is flushed to the browser chunk by chunk, and the upstream connection is
 * closed as soon as the browser has gone (reporting-service sends a heartbeat, so that shows within seconds).
 */
@RestController
public class ReportingRelay {

    static final String PREFIX = "/dashboard";
    private static final Pattern API_PATH = Pattern.compile("/api/v1/[A-Za-z0-9._~%/-]*");
    private static final List<String> REQUEST_HEADERS =
            List.of(HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE, "Last-Event-ID");
    private static final List<String> RESPONSE_HEADERS = List.of(HttpHeaders.CONTENT_TYPE,
            HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.CONTENT_LANGUAGE, HttpHeaders.CACHE_CONTROL,
            HttpHeaders.EXPIRES, HttpHeaders.PRAGMA, HttpHeaders.RETRY_AFTER);
    private static final String EVENT_STREAM = "text/event-stream";
    /**
     * A relayed HTML document (the printable periodic report) keeps its own inline styles but can run nothing, load
     * nothing from elsewhere, submit nothing and be framed by nobody; the console's pages keep their stricter policy.
     */
    static final String RELAYED_DOCUMENT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";
    private static final Logger log = LoggerFactory.getLogger(ReportingRelay.class);

    private final OAuth2AuthorizedClientManager clients;
    private final HttpClient http;
    private final ConsoleProperties.Reporting reporting;

    public ReportingRelay(OAuth2AuthorizedClientManager clients, HttpClient reportingClient,
                          ConsoleProperties properties) {
        this.clients = clients;
        this.http = reportingClient;
        this.reporting = properties.reporting();
    }

    @GetMapping(PREFIX + "/api/v1/**")
    public void relay(HttpServletRequest request, HttpServletResponse response,
                      OAuth2AuthenticationToken authentication) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length() + PREFIX.length());
        URI target = target(path, request.getQueryString());
        if (target == null) {
            Problems.write(response, 400, "Bad Request", "not a path of the reporting API");
            return;
        }
        String token = accessToken(request, response, authentication);
        if (token == null) {
            Problems.write(response, 401, "Unauthorized", "the session has ended: sign in again");
            return;
        }
        HttpRequest.Builder upstream = HttpRequest.newBuilder(target).GET().timeout(reporting.responseTimeout())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        for (String name : REQUEST_HEADERS) {
            String value = request.getHeader(name);
            if (value != null) {
                upstream.header(name, value);
            }
        }
        HttpResponse<InputStream> answer;
        try {
            answer = http.send(upstream.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            log.warn("reporting-service did not answer {} in time", path);
            Problems.write(response, 504, "Gateway Timeout", "reporting-service did not answer in time");
            return;
        } catch (ConnectException e) {
            log.warn("reporting-service cannot be reached for {}: {}", path, e.toString());
            Problems.write(response, 502, "Bad Gateway", "reporting-service cannot be reached");
            return;
        } catch (IOException e) {
            log.warn("reporting-service failed on {}: {}", path, e.toString());
            Problems.write(response, 502, "Bad Gateway", "reporting-service did not answer");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Problems.write(response, 503, "Service Unavailable", "the console is stopping");
            return;
        }
        copy(answer, response);
    }

    /** The upstream URI, or null when the path is not one of the API's (no dot segments, no other characters). */
    private URI target(String path, String query) {
        if (!API_PATH.matcher(path).matches() || path.contains("..") || path.contains("//")) {
            return null;
        }
        try {
            String base = reporting.url().toString().replaceAll("/+$", "");
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
            // the browser left (closing the body closes the upstream connection) or reporting-service broke off
            log.debug("relay ended early: {}", gone.toString());
        }
    }
}
