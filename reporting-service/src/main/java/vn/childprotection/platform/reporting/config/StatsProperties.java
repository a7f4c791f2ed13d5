package vn.childprotection.platform.reporting.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import vn.childprotection.platform.reporting.application.StatsService;

import java.time.Duration;

/**
 * What the figures may spend ({@code /api/v1/stats/*}, the periodic reports). Every figure is computed from the
 * selected facts in memory, so these bound the heap a statistics request takes (README "Figures at scale").
 *
 * @param maxFacts             facts (cases, referrals and notifications together) one computation may read; a
 *                             selection holding more is refused with a 422 that asks for a narrower period or place.
 *                             Policy default 60,000: a case fact measured about 1.8 KB of heap, so the default
 *                             stays within about 110 MB of the 256 MB heap {@code ./platform} gives the service
 * @param concurrentSelections computations at once on one instance (policy default 1); the others wait
 * @param slotWait             how long a request waits for a computation before a 503 with Retry-After
 */
@ConfigurationProperties("reporting.stats")
public record StatsProperties(
        @DefaultValue("60000") long maxFacts,
        @DefaultValue("1") int concurrentSelections,
        @DefaultValue("5s") Duration slotWait) {

    public StatsService.Limits limits() {
        return new StatsService.Limits(maxFacts, concurrentSelections, slotWait);
    }
}
