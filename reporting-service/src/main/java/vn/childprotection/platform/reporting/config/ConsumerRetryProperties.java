package vn.childprotection.platform.reporting.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Retry of a case event whose projection failed for a transient reason (store unavailable, lost compare-and-set
 * races): {@code maxRetries} more attempts, back-off from {@code initialDelay} times {@code multiplier} up to
 * {@code maxDelay}; then the event is dead-lettered.
 */
@ConfigurationProperties("reporting.consumer.retry")
public record ConsumerRetryProperties(
        @DefaultValue("3") int maxRetries,
        @DefaultValue("500ms") Duration initialDelay,
        @DefaultValue("2.0") double multiplier,
        @DefaultValue("5s") Duration maxDelay) {
}
