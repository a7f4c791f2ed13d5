package vn.childprotection.platform.notification.adapter.out.channel;

import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.platform.notification.application.port.out.NotificationChannel;
import vn.childprotection.platform.notification.domain.DeliveryChannel;
import vn.childprotection.platform.notification.domain.DeliveryOutcome;
import vn.childprotection.platform.notification.domain.Notification;
import vn.childprotection.platform.notification.domain.WebhookSignature;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * One attempt to POST a notification to an agency's system (S0 Art 7.2): JSON body ({@link NotificationPayload}),
 * signed with the agency's own secret ({@link WebhookSignature}), {@code Idempotency-Key} = notification id so that
 * the receiver recognises a resend. Retries and the circuit breaker are around it ({@link ResilientChannel}).
 */
public final class WebhookChannel implements NotificationChannel {

    /** The recipient's URL has no secret configured: never sent unsigned. */
    public static final String NO_WEBHOOK_SECRET = "NO_WEBHOOK_SECRET";
    public static final String INVALID_URL = "INVALID_URL";

    private final HttpClient http;
    private final Duration requestTimeout;
    private final Map<String, byte[]> secretsByUrl;
    private final JsonMapper json;
    private final Clock clock;

    public WebhookChannel(HttpClient http, Duration requestTimeout, Map<String, byte[]> secretsByUrl,
                          JsonMapper json, Clock clock) {
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.secretsByUrl = Map.copyOf(secretsByUrl);
        this.json = json;
        this.clock = clock;
    }

    @Override
    public DeliveryChannel type() {
        return DeliveryChannel.WEBHOOK;
    }

    @Override
    public DeliveryOutcome deliver(Notification notification) {
        byte[] secret = secretsByUrl.get(notification.recipient());
        if (secret == null) {
            return new DeliveryOutcome.Failed(NO_WEBHOOK_SECRET, false);
        }
        URI uri;
        try {
            uri = URI.create(notification.recipient());
        } catch (IllegalArgumentException e) {
            return new DeliveryOutcome.Failed(INVALID_URL, false);
        }
        byte[] body = json.writeValueAsBytes(NotificationPayload.of(notification));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, WebhookSignature.sign(secret, clock.instant(), body))
                .header(WebhookSignature.IDEMPOTENCY_KEY_HEADER, notification.notificationId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return HttpOutcomes.ofStatus(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            return HttpOutcomes.ofError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryOutcome.Failed("INTERRUPTED", true);
        }
    }
}
