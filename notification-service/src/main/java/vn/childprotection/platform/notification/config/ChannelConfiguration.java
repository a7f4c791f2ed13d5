package vn.childprotection.platform.notification.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.notification.adapter.out.channel.EmailChannel;
import vn.childprotection.platform.notification.adapter.out.channel.ResilientChannel;
import vn.childprotection.platform.notification.adapter.out.channel.SmsGatewayChannel;
import vn.childprotection.platform.notification.adapter.out.channel.WebhookChannel;
import vn.childprotection.platform.notification.domain.DeliveryOutcome;
import vn.childprotection.platform.notification.domain.WebhookSignature;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The outbound channels (webhook, e-mail, SMS), each behind a {@link ResilientChannel}: Resilience4j core used
 * programmatically, with a circuit breaker per endpoint, retry with exponential back-off and jitter, and a rate
 * limiter per gateway (SMTP, SMS). Settings in {@code notification.delivery} and {@code notification.channels}.
 */
@Configuration(proxyBeanMethods = false)
public class ChannelConfiguration {

    @Bean
    CircuitBreakerRegistry notificationCircuitBreakers(DeliveryProperties delivery, Clock clock) {
        DeliveryProperties.CircuitBreaker cb = delivery.circuitBreaker();
        return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(cb.slidingWindowSize())
                .minimumNumberOfCalls(cb.minimumNumberOfCalls())
                .failureRateThreshold(cb.failureRateThreshold())
                .waitDurationInOpenState(cb.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(cb.permittedCallsInHalfOpenState())
                .clock(clock)
                .build());
    }

    /**
     * Circuit breaker state and calls per endpoint as {@code resilience4j_circuitbreaker_*} meters (tag {@code name} =
     * channel and endpoint: a configured agency URL or gateway host, never personal data).
     */
    @Bean
    MeterBinder notificationCircuitBreakerMetrics(CircuitBreakerRegistry notificationCircuitBreakers) {
        return TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(notificationCircuitBreakers);
    }

    static Retry retry(String name, DeliveryProperties.Retry settings) {
        return Retry.of(name, RetryConfig.<DeliveryOutcome>custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(),
                        settings.multiplier(), settings.randomization(), settings.maxBackoff()))
                .retryOnResult(ResilientChannel::retryable)
                .retryOnException(e -> false)
                .failAfterMaxAttempts(false)
                .build());
    }

    static RateLimiter rateLimiter(String name, int perSecond, java.time.Duration wait) {
        return RateLimiter.of(name, RateLimiterConfig.custom()
                .limitForPeriod(perSecond)
                .limitRefreshPeriod(java.time.Duration.ofSeconds(1))
                .timeoutDuration(wait)
                .build());
    }

    @Bean
    ResilientChannel webhookChannel(ChannelProperties channels, DeliveryProperties delivery,
                                    DirectoryProperties directory, Environment environment,
                                    CircuitBreakerRegistry breakers, Clock clock) {
        Map<String, byte[]> secrets = new HashMap<>();
        directory.webhookSecretRefs().forEach((url, ref) -> {
            String secret = environment.getProperty(ref);
            if (secret == null || secret.isBlank()) {
                // fail at start rather than send unsigned or leave the agency without its notifications
                throw new IllegalStateException("webhook secret " + ref + " (for " + url + ") is not set");
            }
            secrets.put(url, WebhookSignature.secretBytes(secret));
        });
        HttpClient http = HttpClient.newBuilder().connectTimeout(channels.webhook().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        var webhook = new WebhookChannel(http, channels.webhook().requestTimeout(), secrets, EventJson.mapper(), clock);
        return new ResilientChannel(webhook, n -> n.recipient(), breakers, retry("webhook", delivery.retry()), null);
    }

    @Bean
    ResilientChannel emailChannel(ChannelProperties channels, DeliveryProperties delivery,
                                  CircuitBreakerRegistry breakers) {
        ChannelProperties.Email email = channels.email();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(email.host());
        sender.setPort(email.port());
        sender.setUsername(email.username());
        sender.setPassword(email.password());
        sender.setDefaultEncoding("UTF-8");
        Properties props = new Properties();
        props.put("mail.smtp.connectiontimeout", String.valueOf(email.connectTimeout().toMillis()));
        props.put("mail.smtp.timeout", String.valueOf(email.readTimeout().toMillis()));
        props.put("mail.smtp.writetimeout", String.valueOf(email.readTimeout().toMillis()));
        props.put("mail.smtp.auth", String.valueOf(email.username() != null));
        props.put("mail.smtp.starttls.enable", String.valueOf(email.startTls()));
        props.put("mail.smtp.starttls.required", String.valueOf(email.startTls()));
        sender.setJavaMailProperties(props);
        String endpoint = email.host() + ":" + email.port();
        return new ResilientChannel(new EmailChannel(sender, email.from(), email.messageIdDomain()),
                n -> endpoint, breakers, retry("email", delivery.retry()),
                rateLimiter("smtp", email.ratePerSecond(), email.rateWait()));
    }

    @Bean
    ResilientChannel smsChannel(ChannelProperties channels, DeliveryProperties delivery,
                                CircuitBreakerRegistry breakers) {
        ChannelProperties.Sms sms = channels.sms();
        HttpClient http = HttpClient.newBuilder().connectTimeout(sms.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        var channel = new SmsGatewayChannel(http, sms.url(), sms.apiKey(), sms.requestTimeout(), EventJson.mapper());
        String endpoint = sms.url().toString();
        return new ResilientChannel(channel, n -> endpoint, breakers, retry("sms", delivery.retry()),
                rateLimiter("sms", sms.ratePerSecond(), sms.rateWait()));
    }
}
