package vn.childprotection.platform.notification.adapter.out.channel;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.notification.domain.DeliveryOutcome;
import vn.childprotection.platform.notification.domain.WebhookSignature;
import vn.childprotection.platform.notification.fixtures.MutableClock;
import vn.childprotection.platform.notification.fixtures.TestHttpReceiver;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.platform.notification.adapter.out.channel.WebhookChannelTest.NOW;
import static vn.childprotection.platform.notification.adapter.out.channel.WebhookChannelTest.webhookNotification;

/** Retry, back-off and the per-endpoint circuit breaker around the webhook channel, against a real HTTP receiver. */
class ResilientChannelTest {

    private static final int MAX_ATTEMPTS = 3;
    private static final Duration WAIT_IN_OPEN = Duration.ofMinutes(1);

    private final TestHttpReceiver receiver = new TestHttpReceiver();
    private final MutableClock clock = new MutableClock(NOW);
    private final String failing = receiver.url("/health/hook");
    private final String healthy = receiver.url("/police/hook");
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
            .slidingWindowSize(4).minimumNumberOfCalls(4).failureRateThreshold(50)
            .waitDurationInOpenState(WAIT_IN_OPEN).permittedNumberOfCallsInHalfOpenState(1)
            .clock(clock).build());
    /** Generous: on a loaded machine a cold first call may take longer than a tight timeout (then it is retried). */
    private final ResilientChannel channel = channel(Duration.ofSeconds(5));

    private ResilientChannel channel(Duration requestTimeout) {
        return new ResilientChannel(
                new WebhookChannel(HttpClient.newHttpClient(), requestTimeout,
                        Map.of(failing, WebhookSignature.secretBytes("s1"), healthy, WebhookSignature.secretBytes("s2")),
                        EventJson.mapper(), clock),
                n -> n.recipient(), breakers,
                Retry.of("webhook", RetryConfig.<DeliveryOutcome>custom().maxAttempts(MAX_ATTEMPTS)
                        .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(5), 2.0, 0.5))
                        .retryOnResult(ResilientChannel::retryable).retryOnException(e -> false)
                        .failAfterMaxAttempts(false).build()),
                null);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void aTransientFailureIsRetriedAndTheSecondAttemptDelivers() {
        AtomicInteger calls = new AtomicInteger();
        receiver.answer("/police/hook", r -> calls.incrementAndGet() == 1 ? 502 : 200);
        var notification = webhookNotification(healthy);

        assertThat(channel.deliver(notification)).isEqualTo(new DeliveryOutcome.Delivered(2));
        assertThat(receiver.received("/police/hook")).extracting(r -> r.header("Idempotency-Key"))
                .containsExactly(notification.notificationId(), notification.notificationId());
    }

    @Test
    void afterTheLastRetryTheFailureIsFinalWithTheAttemptsCounted() {
        receiver.answer("/health/hook", 503);

        assertThat(channel.deliver(webhookNotification(failing)))
                .isEqualTo(new DeliveryOutcome.Failed("HTTP_503", false, MAX_ATTEMPTS));
        assertThat(receiver.received("/health/hook")).hasSize(MAX_ATTEMPTS);
    }

    @Test
    void timeoutsAreRetriedLikeServerErrors() {
        receiver.answer("/health/hook", TestHttpReceiver.HOLD);

        assertThat(channel(Duration.ofMillis(300)).deliver(webhookNotification(failing)))
                .isEqualTo(new DeliveryOutcome.Failed("TIMEOUT", false, MAX_ATTEMPTS));
    }

    @Test
    void aPermanentFailureIsNotRetried() {
        receiver.answer("/health/hook", 410);

        assertThat(channel.deliver(webhookNotification(failing)))
                .isEqualTo(new DeliveryOutcome.Failed("HTTP_410", false, 1));
    }

    @Test
    void theCircuitOfAFailingEndpointOpensDefersItsNotificationsAndClosesWhenItAnswersAgain() {
        receiver.answer("/health/hook", 503);
        channel.deliver(webhookNotification(failing));          // 3 failed calls
        var fourth = channel.deliver(webhookNotification(failing)); // 4th call fails: window full, circuit opens

        assertThat(fourth).isEqualTo(new DeliveryOutcome.Failed("HTTP_503", true, 1));
        CircuitBreaker breaker = channel.breakerFor(failing);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int callsSoFar = receiver.received("/health/hook").size();

        assertThat(channel.deliver(webhookNotification(failing)))
                .isEqualTo(new DeliveryOutcome.Deferred(ResilientChannel.CIRCUIT_OPEN));
        assertThat(receiver.received("/health/hook")).hasSize(callsSoFar);

        // another agency's endpoint is not held up by it
        assertThat(channel.deliver(webhookNotification(healthy))).isEqualTo(new DeliveryOutcome.Delivered(1));

        receiver.answer("/health/hook", 200);
        clock.advance(WAIT_IN_OPEN.plusSeconds(1));
        assertThat(channel.deliver(webhookNotification(failing))).isEqualTo(new DeliveryOutcome.Delivered(1));
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
