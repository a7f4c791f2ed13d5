package vn.childprotection.platform.notification.adapter.in.web.sinks;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.notification.domain.WebhookSignature;
import vn.childprotection.platform.notification.fixtures.MutableClock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LocalSinksControllerTest {

    private static final Instant NOW = Instant.parse("2025-03-10T02:16:00Z");
    private static final byte[] SECRET = WebhookSignature.secretBytes("local-secret");
    private static final byte[] BODY = "{\"notificationId\":\"n-1\"}".getBytes(StandardCharsets.UTF_8);

    private final MutableClock clock = new MutableClock(NOW);
    private final LocalSinksController sinks = new LocalSinksController(SECRET, "key", null, clock);

    @Test
    void theWebhookSinkAcceptsSignedCallsAndMarksAResendByItsIdempotencyKey() {
        String signature = WebhookSignature.sign(SECRET, NOW, BODY);

        assertThat(sinks.webhook("police", signature, "n-1", BODY).getStatusCode().value()).isEqualTo(200);
        assertThat(sinks.webhook("police", signature, "n-1", BODY).getStatusCode().value()).isEqualTo(200);

        assertThat(sinks.webhookCalls()).extracting(LocalSinksController.WebhookCall::resend)
                .containsExactly(false, true);
    }

    @Test
    void theWebhookSinkRejectsAWrongSecretAndAStaleCallLikeAnAgencyReceiverMust() {
        String wrong = WebhookSignature.sign(WebhookSignature.secretBytes("other"), NOW, BODY);
        assertThat(sinks.webhook("police", wrong, "n-1", BODY).getStatusCode().value()).isEqualTo(401);

        String stale = WebhookSignature.sign(SECRET, NOW, BODY);
        clock.advance(Duration.ofMinutes(6));
        assertThat(sinks.webhook("police", stale, "n-1", BODY).getStatusCode().value()).isEqualTo(401);
        assertThat(sinks.webhookCalls()).isEmpty();
    }
}
