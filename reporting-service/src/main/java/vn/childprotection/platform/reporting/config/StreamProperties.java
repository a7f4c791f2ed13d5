package vn.childprotection.platform.reporting.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import vn.childprotection.platform.reporting.adapter.in.web.ProjectionStream;

import java.time.Duration;

/**
 * The live stream of the dashboard ({@code GET /api/v1/stats/stream}, {@code reporting.stream.*}): what it may hold.
 *
 * @param maxSubscribers streams open at once on one instance; another is refused with 503 and Retry-After (policy
 *                       default 200: every stream holds a connection and a virtual thread)
 * @param timeout        how long one stream stays open before it ends normally (the browser's EventSource connects
 *                       again by itself), so that no connection is held for ever
 * @param queueCapacity  events waiting for one subscriber; a subscriber that falls this far behind is closed, so a
 *                       slow one never holds up the others
 * @param debounce       the shortest interval between two {@code projection-changed} events
 * @param heartbeat      the interval of the comment heartbeat that keeps proxies from closing an idle stream
 * @param retryAfter     what a refused subscriber is told to wait
 */
@ConfigurationProperties("reporting.stream")
public record StreamProperties(
        @DefaultValue("200") int maxSubscribers,
        @DefaultValue("30m") Duration timeout,
        @DefaultValue("16") int queueCapacity,
        @DefaultValue("500ms") Duration debounce,
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("10s") Duration retryAfter) {

    public ProjectionStream.Limits limits() {
        return new ProjectionStream.Limits(maxSubscribers, timeout, queueCapacity, debounce, heartbeat, retryAfter);
    }
}
