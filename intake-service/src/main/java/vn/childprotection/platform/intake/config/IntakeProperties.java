package vn.childprotection.platform.intake.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * {@code intake.*}.
 *
 * @param maxBodySize    larger bodies are answered 413
 * @param publishTimeout how long a request waits for the broker's acknowledgement before answering 503
 * @param retryAfter     the Retry-After of a 503
 * @param maxReportAge   a report received longer ago is rejected (a typo in the date, not a late report)
 * @param maxClockSkew   how far in the future receivedAt may be (clock differences between hotline systems)
 * @param topic          partitions and replication of {@code intake.reports.v1} and {@code intake.reports.urgent.v1}
 *                       when intake creates them
 * @param maxConcurrentReports reports handled at once
 * @param admissionQueue requests that may wait for a slot, each up to {@code admissionWait}; any beyond get a 503 at
 *                       once, before their body is read
 * @param admissionWait  how long a waiting request waits for a slot before its 503
 * @param routingBacklog when a lane refuses reports because routing is behind
 */
@ConfigurationProperties("intake")
public record IntakeProperties(
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue("5s") Duration publishTimeout,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("365d") Duration maxReportAge,
        @DefaultValue("5m") Duration maxClockSkew,
        @DefaultValue Topic topic,
        @DefaultValue("64") int maxConcurrentReports,
        @DefaultValue("64") int admissionQueue,
        @DefaultValue("100ms") Duration admissionWait,
        @DefaultValue RoutingBacklog routingBacklog) {

    public record Topic(@DefaultValue("3") int partitions, @DefaultValue("1") short replicationFactor) {
    }

    /**
     * @param maxReports a lane with this many reports accepted and not yet routed takes no more (503) until routing
     *                   catches up: a 202 then promises routing within minutes (POLICY DEFAULT: 5,000, about a
     *                   minute and a half of this machine's routing)
     * @param group      the consumer group that routes the reports
     * @param refresh    how often the backlog is read from the broker
     */
    public record RoutingBacklog(@DefaultValue("5000") long maxReports, @DefaultValue("referral-service") String group,
                                 @DefaultValue("1s") Duration refresh) {
    }
}
