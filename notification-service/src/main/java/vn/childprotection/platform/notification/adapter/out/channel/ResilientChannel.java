package vn.childprotection.platform.notification.adapter.out.channel;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.retry.Retry;
import vn.childprotection.platform.notification.application.port.out.NotificationChannel;
import vn.childprotection.platform.notification.domain.DeliveryChannel;
import vn.childprotection.platform.notification.domain.DeliveryOutcome;
import vn.childprotection.platform.notification.domain.Notification;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Resilience around one channel (Resilience4j core, used programmatically):
 * <ul>
 *     <li>a {@link CircuitBreaker} per endpoint (webhook URL, SMTP host, SMS gateway): an endpoint that keeps failing
 *     is not called until its wait in the open state is over, and the notifications for it are deferred, not failed
 *     — while other endpoints' notifications go on;</li>
 *     <li>a {@link Retry} with exponential back-off and jitter over transient failures (5xx, 408, 429, timeouts,
 *     refused connections); when its last attempt fails too, the failure becomes final (FAILED);</li>
 *     <li>an optional {@link RateLimiter} of the gateway (SMS, SMTP): when no permit comes in time, deferred.</li>
 * </ul>
 * Timeouts are the HTTP client's and the SMTP session's own. A permanent failure (4xx other than 408/429) counts as
 * an answer of a working endpoint, not against its circuit.
 */
public final class ResilientChannel implements NotificationChannel {

    public static final String CIRCUIT_OPEN = "CIRCUIT_OPEN";
    public static final String RATE_LIMITED = "RATE_LIMITED";

    private final NotificationChannel delegate;
    private final Function<Notification, String> endpointOf;
    private final CircuitBreakerRegistry breakers;
    private final Retry retry;
    private final RateLimiter rateLimiter;

    /**
     * @param endpointOf  the endpoint a notification goes to (names its circuit breaker; no personal data)
     * @param rateLimiter the gateway's rate, or {@code null} for none
     */
    public ResilientChannel(NotificationChannel delegate, Function<Notification, String> endpointOf,
                            CircuitBreakerRegistry breakers, Retry retry, RateLimiter rateLimiter) {
        this.delegate = delegate;
        this.endpointOf = endpointOf;
        this.breakers = breakers;
        this.retry = retry;
        this.rateLimiter = rateLimiter;
    }

    /** The circuit breaker of the endpoint (created on first use). */
    public CircuitBreaker breakerFor(String endpoint) {
        return breakers.circuitBreaker(delegate.type() + " " + endpoint);
    }

    @Override
    public DeliveryChannel type() {
        return delegate.type();
    }

    @Override
    public DeliveryOutcome deliver(Notification notification) {
        CircuitBreaker breaker = breakerFor(endpointOf.apply(notification));
        AtomicInteger attempts = new AtomicInteger();
        AtomicReference<String> lastFailure = new AtomicReference<>();
        Supplier<DeliveryOutcome> once = () -> attempt(notification, breaker, attempts, lastFailure);
        DeliveryOutcome last = Retry.decorateSupplier(retry, once).get();
        return switch (last) {
            case DeliveryOutcome.Delivered d -> new DeliveryOutcome.Delivered(attempts.get());
            // the last retry failed too (or the failure is one no retry mends): final
            case DeliveryOutcome.Failed f -> new DeliveryOutcome.Failed(f.reason(), false, attempts.get());
            // the circuit opened (or the rate ran out) after attempts were made: not final, offered again later
            case DeliveryOutcome.Deferred d -> attempts.get() == 0
                    ? d
                    : new DeliveryOutcome.Failed(lastFailure.get(), true, attempts.get());
        };
    }

    private DeliveryOutcome attempt(Notification notification, CircuitBreaker breaker, AtomicInteger attempts,
                                    AtomicReference<String> lastFailure) {
        if (rateLimiter != null && !rateLimiter.acquirePermission()) {
            return new DeliveryOutcome.Deferred(RATE_LIMITED);
        }
        if (!breaker.tryAcquirePermission()) {
            return new DeliveryOutcome.Deferred(CIRCUIT_OPEN);
        }
        long start = System.nanoTime();
        DeliveryOutcome outcome;
        try {
            outcome = delegate.deliver(notification);
        } catch (RuntimeException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw e;
        }
        attempts.incrementAndGet();
        long took = System.nanoTime() - start;
        if (outcome instanceof DeliveryOutcome.Failed failed && failed.retryable()) {
            lastFailure.set(failed.reason());
            breaker.onError(took, TimeUnit.NANOSECONDS, new EndpointFailure(failed.reason()));
        } else {
            breaker.onSuccess(took, TimeUnit.NANOSECONDS);
        }
        return outcome;
    }

    /** What the circuit breaker records of a transient failure: the reason code only. */
    static final class EndpointFailure extends RuntimeException {
        EndpointFailure(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Whether an outcome is worth another attempt (the {@link Retry}'s result predicate). */
    public static boolean retryable(DeliveryOutcome outcome) {
        return outcome instanceof DeliveryOutcome.Failed failed && failed.retryable();
    }
}
