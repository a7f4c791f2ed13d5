package vn.childprotection.platform.support.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.platform.access.Operation;
import vn.childprotection.platform.support.audit.AuditIds;
import vn.childprotection.platform.support.audit.AuditUnavailableException;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filter chain's refusals as {@code application/problem+json}, each audited first: 401 for a missing, expired,
 * foreign or otherwise invalid token (with the {@code WWW-Authenticate} challenge RFC 6750 asks for), 403 for an
 * operational endpoint the caller's roles may not use.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AccessGuard guard;
    /** Each endpoint's matcher and the operation its refusal is recorded as (the first of its operations). */
    private final Map<RequestMatcher, Operation> endpoints = new LinkedHashMap<>();
    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();

    private final String retryAfter;

    ProblemResponses(AccessGuard guard, List<EndpointOperations.Endpoint> endpoints, java.time.Duration retryAfter) {
        this.guard = guard;
        for (EndpointOperations.Endpoint endpoint : endpoints) {
            this.endpoints.put(PathPatternRequestMatcher.withDefaults().matcher(endpoint.method(), endpoint.pattern()),
                    endpoint.operations().stream().sorted().findFirst().orElse(Operation.READ_OPERATIONS));
        }
        this.retryAfter = Long.toString(retryAfter.toSeconds());
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String reason = failure instanceof OAuth2AuthenticationException oauth && oauth.getError() != null
                && oauth.getError().getDescription() != null ? oauth.getError().getDescription()
                : "a valid bearer token is required";
        if (!audited(request, response, () -> guard.unauthenticated(reason))) {
            return;
        }
        challenge.commence(request, response, failure);
        write(response, 401, "Unauthorized", "A valid bearer token is required: " + reason, request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        Operation operation = operationOf(request);
        String reason = "no role of the caller may " + operation;
        if (!audited(request, response, () -> guard.refused(CurrentActorResolver.current(), operation,
                AuditIds.none(), 403, reason))) {
            return;
        }
        write(response, 403, "Forbidden", "Your role may not use this endpoint.", request);
    }

    /** The operation a refused request was: its endpoint's (the first, when several), else reading operations. */
    private Operation operationOf(HttpServletRequest request) {
        return endpoints.entrySet().stream().filter(endpoint -> endpoint.getKey().matches(request))
                .map(Map.Entry::getValue).findFirst().orElse(Operation.READ_OPERATIONS);
    }

    /** Runs the audit with the request bound; false (and a 503 written) when the record could not be kept. */
    private boolean audited(HttpServletRequest request, HttpServletResponse response, Runnable record)
            throws IOException {
        boolean bound = RequestContextHolder.getRequestAttributes() != null;
        if (!bound) {
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        }
        try {
            record.run();
            return true;
        } catch (AuditUnavailableException e) {
            response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
            write(response, 503, "Service unavailable", "The request could not be recorded. Try again later.",
                    request);
            return false;
        } finally {
            if (!bound) {
                RequestContextHolder.resetRequestAttributes();
            }
        }
    }

    private static void write(HttpServletResponse response, int status, String title, String detail,
                              HttpServletRequest request) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }
}
