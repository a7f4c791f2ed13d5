package vn.childprotection.platform.notification.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code notification.delivery}: how the dispatcher delivers PENDING notifications and how hard it tries.
 *
 * @param pollInterval    pause between two looks of the poll, which serves retries, deferrals, crashed deliveries,
 *                        outstanding publications and hand-offs the full queue refused (each look scans the store on
 *                        the local stand-in; new notifications are handed to the workers at once instead)
 * @param workers         deliveries and publications running at once (one slow endpoint holds one)
 * @param handOffCapacity notifications handed off by the consumer that wait for a free worker at most; more are left
 *                        to the poll
 * @param lease           how long a claimed notification is reserved; longer than a delivery with all its retries
 * @param deferral        pause before a deferred (circuit open, rate used up) notification is offered again
 * @param deadLetterTopic where FAILED notifications are published ({@code NotificationFailed.v1})
 * @param deliveredTopic  where DELIVERED notifications are published ({@code NotificationDelivered.v1})
 * @param storeRetry      how the outcome of a delivery is stored when the store fails: retried until the lease minus
 *                        {@code safetyMargin}, so that a store outage shorter than that never causes a second delivery
 */
@Validated
@ConfigurationProperties("notification.delivery")
public record DeliveryProperties(
        @NotNull @DefaultValue("2s") Duration pollInterval,
        @Min(1) @DefaultValue("4") int workers,
        @Min(1) @DefaultValue("1000") int handOffCapacity,
        @NotNull @DefaultValue("5m") Duration lease,
        @NotNull @DefaultValue("30s") Duration deferral,
        @NotBlank @DefaultValue("notifications.failed.v1") String deadLetterTopic,
        @NotBlank @DefaultValue("notifications.delivered.v1") String deliveredTopic,
        @Valid @DefaultValue Retry retry,
        @Valid @DefaultValue CircuitBreaker circuitBreaker,
        @Valid @DefaultValue StoreRetry storeRetry) {

    /** The outcome of a delivery written again after a store failure, within the notification's lease. */
    public record StoreRetry(@NotNull @DefaultValue("200ms") Duration initialBackoff,
                             @DecimalMin("1.0") @DefaultValue("2.0") double multiplier,
                             @NotNull @DefaultValue("5s") Duration maxBackoff,
                             @NotNull @DefaultValue("60s") Duration safetyMargin) {
    }

    /** Retry with exponential back-off and jitter, per notification. */
    public record Retry(@Min(1) @DefaultValue("4") int maxAttempts,
                        @NotNull @DefaultValue("1s") Duration initialBackoff,
                        @DecimalMin("1.0") @DefaultValue("2.0") double multiplier,
                        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.5") double randomization,
                        @NotNull @DefaultValue("30s") Duration maxBackoff) {
    }

    /** A circuit breaker per endpoint (webhook URL, SMTP host, SMS gateway). */
    public record CircuitBreaker(@DecimalMin("1") @DecimalMax("100") @DefaultValue("50") float failureRateThreshold,
                                 @Min(1) @DefaultValue("10") int slidingWindowSize,
                                 @Min(1) @DefaultValue("5") int minimumNumberOfCalls,
                                 @NotNull @DefaultValue("30s") Duration waitInOpenState,
                                 @Min(1) @DefaultValue("1") int permittedCallsInHalfOpenState) {
    }
}
