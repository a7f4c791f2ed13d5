package vn.childprotection.platform.intake.adapter.in.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.childprotection.platform.support.security.SecurityHeaders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Admission before any work: a report submission ({@code POST /api/v1/reports}) takes an {@link Admission} slot
 * before its body is read or anything else is done, and a request that gets none is answered {@code 503} with
 * {@code Retry-After} at once — a fixed problem document, no body read, the connection closed so that a flood of
 * refused clients does not hold connections open. Other requests (health, metrics, the API document) pass untouched,
 * so that the service answers its probes during an overload.
 */
public final class AdmissionFilter extends OncePerRequestFilter {

    public static final String PATH = "/api/v1/reports";

    private final Admission admission;
    private final IntakeMetrics metrics;
    private final byte[] refusal;
    private final String retryAfterSeconds;

    public AdmissionFilter(int slots, int queue, Duration wait, Duration retryAfter, IntakeMetrics metrics) {
        this.admission = new Admission(slots, queue, wait);
        this.metrics = metrics;
        long seconds = Math.max(1, retryAfter.toSeconds());
        this.retryAfterSeconds = Long.toString(seconds);
        this.refusal = ("{\"type\":\"urn:problem-type:cprp:intake-unavailable\",\"title\":\"Report not accepted yet\","
                + "\"status\":503,\"detail\":\"Intake is at capacity. The report was not accepted: keep it and send "
                + "it again, unchanged, after " + seconds + " seconds.\",\"instance\":\"" + PATH + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        metrics.admission(admission::inUse, admission::waiting);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && PATH.equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Admission.Slot> slot = admission.tryEnter();
        if (slot.isEmpty()) {
            metrics.refusedAtCapacity();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
            response.setHeader(HttpHeaders.CONNECTION, "close");
            // answered before the filter chain that writes them for every other answer
            SecurityHeaders.write(response);
            response.setContentType("application/problem+json");
            response.setContentLength(refusal.length);
            response.getOutputStream().write(refusal);
            return;
        }
        try (Admission.Slot admitted = slot.get()) {
            chain.doFilter(request, response);
        }
    }
}
