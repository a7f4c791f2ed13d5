package vn.childprotection.platform.notification.adapter.out.channel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.notification.domain.DeliveryChannel;
import vn.childprotection.platform.notification.domain.DeliveryOutcome;
import vn.childprotection.platform.notification.domain.Notification;
import vn.childprotection.platform.notification.domain.Recipient;
import vn.childprotection.platform.notification.fixtures.TestHttpReceiver;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.platform.notification.adapter.out.channel.WebhookChannelTest.NOW;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.newCaseId;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.referral;

class SmsGatewayChannelTest {

    private final TestHttpReceiver gateway = new TestHttpReceiver();
    private final SmsGatewayChannel channel = new SmsGatewayChannel(HttpClient.newHttpClient(),
            URI.create(gateway.url("/api/sms")), "test-key", Duration.ofSeconds(5), EventJson.mapper());

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void postsToTextAndTheNotificationIdAsReferenceWithTheApiKey() {
        Notification notification = Notification.ofReferral(referral(newCaseId()).agency("POLICE").build(),
                new Recipient("+84000000001", DeliveryChannel.SMS), false, NOW);

        assertThat(channel.deliver(notification)).isEqualTo(new DeliveryOutcome.Delivered(1));

        var call = gateway.received("/api/sms").getFirst();
        assertThat(call.header(SmsGatewayChannel.API_KEY_HEADER)).isEqualTo("test-key");
        JsonNode body = EventJson.mapper().readTree(call.body());
        assertThat(body.path("to").asString()).isEqualTo("+84000000001");
        assertThat(body.path("reference").asString()).isEqualTo(notification.notificationId());
        assertThat(body.path("text").asString()).contains(notification.caseId()).contains("POLICE");
    }

    @Test
    void aRateLimitAnswerIsTransient() {
        gateway.answer("/api/sms", 429);
        Notification notification = Notification.ofReferral(referral(newCaseId()).agency("POLICE").build(),
                new Recipient("+84000000001", DeliveryChannel.SMS), false, NOW);

        assertThat(channel.deliver(notification)).isEqualTo(new DeliveryOutcome.Failed("HTTP_429", true, 1));
    }
}
