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
 * @param maxConcurrentReports reports handled at once; more wait up to {@code admissionWait}, then get a 503
 * @param admissionWait  how long a request waits for a free slot before its 503 (load shedding, issue 6)
 */
@ConfigurationProperties("intake")
public record IntakeProperties(
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue("5s") Duration publishTimeout,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("365d") Duration maxReportAge,
        @DefaultValue("5m") Duration maxClockSkew,
        @DefaultValue Topic topic,
        @DefaultValue("256") int maxConcurrentReports,
        @DefaultValue("1s") Duration admissionWait) {

    public record Topic(@DefaultValue("3") int partitions, @DefaultValue("1") short replicationFactor) {
    }
}
