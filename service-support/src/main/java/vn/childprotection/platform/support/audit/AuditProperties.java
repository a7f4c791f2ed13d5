package vn.childprotection.platform.support.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code platform.audit.*}: how a service writes its audit records.
 *
 * @param publishTimeout how long a request waits for its audit record to be acknowledged before it fails (503)
 * @param retryAfter     the Retry-After of that 503
 * @param partitions     partitions of {@code audit.events.v1} when this service creates it
 * @param replicas       its replication factor
 */
@ConfigurationProperties("platform.audit")
public record AuditProperties(@DefaultValue("5s") Duration publishTimeout,
                              @DefaultValue("5s") Duration retryAfter,
                              @DefaultValue("3") int partitions,
                              @DefaultValue("1") short replicas) {
}
