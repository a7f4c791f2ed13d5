package vn.childprotection.platform.notification.adapter.out.channel;

import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.platform.notification.application.port.out.NotificationChannel;
import vn.childprotection.platform.notification.domain.DeliveryChannel;
import vn.childprotection.platform.notification.domain.DeliveryOutcome;
import vn.childprotection.platform.notification.domain.Notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One attempt to send a short notice to an agency's duty phone through the SMS gateway: {@code POST <url>} with
 * {@code {to, text, reference}}, the API key in a header, {@code reference} = notification id for the gateway's
 * de-duplication. The text is the Vietnamese template ({@code NotificationTexts.sms}): codes and ids for agencies,
 * the informant-safe outcome sentence for an informant.
 */
public final class SmsGatewayChannel implements NotificationChannel {

    public static final String API_KEY_HEADER = "X-Api-Key";

    /** The gateway's request body. */
    public record SmsRequest(String to, String text, String reference) {
    }

    private final HttpClient http;
    private final URI gateway;
    private final String apiKey;
    private final Duration requestTimeout;
    private final JsonMapper json;

    public SmsGatewayChannel(HttpClient http, URI gateway, String apiKey, Duration requestTimeout, JsonMapper json) {
        this.http = http;
        this.gateway = gateway;
        this.apiKey = apiKey;
        this.requestTimeout = requestTimeout;
        this.json = json;
    }

    public URI gateway() {
        return gateway;
    }

    @Override
    public DeliveryChannel type() {
        return DeliveryChannel.SMS;
    }

    @Override
    public DeliveryOutcome deliver(Notification notification) {
        var body = new SmsRequest(notification.recipient(), NotificationPayload.smsText(notification),
                notification.notificationId());
        HttpRequest request = HttpRequest.newBuilder(gateway)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header(API_KEY_HEADER, apiKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
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
