package vn.childprotection.platform.reporting.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The projection rebuild ({@code POST /api/v1/projections/rebuild}).
 *
 * @param maxEventsPerPass a log of more messages is rebuilt in several passes, each folding a share of the cases in
 *                         memory, so that the fold's memory stays bounded (README "Rebuild")
 * @param patience         how long the rebuild waits for the broker's metadata and for a fetch that brings nothing
 */
@ConfigurationProperties("reporting.rebuild")
public record RebuildProperties(
        @DefaultValue("150000") long maxEventsPerPass,
        @DefaultValue("30s") Duration patience) {

    public RebuildProperties {
        if (maxEventsPerPass < 1) {
            throw new IllegalArgumentException("reporting.rebuild.max-events-per-pass must be positive");
        }
        if (patience == null || patience.isNegative() || patience.isZero()) {
            throw new IllegalArgumentException("reporting.rebuild.patience must be positive");
        }
    }
}
