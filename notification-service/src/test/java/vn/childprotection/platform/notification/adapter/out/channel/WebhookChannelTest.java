package vn.childprotection.platform.notification.adapter.out.channel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.ReferralOverdue;
import vn.childprotection.platform.notification.domain.DeliveryChannel;
import vn.childprotection.platform.notification.domain.DeliveryOutcome;
import vn.childprotection.platform.notification.domain.FocalPointDirectory;
import vn.childprotection.platform.notification.domain.Notification;
import vn.childprotection.platform.notification.domain.NotificationRules;
import vn.childprotection.platform.notification.domain.Recipient;
import vn.childprotection.platform.notification.domain.WebhookSignature;
import vn.childprotection.platform.notification.fixtures.MutableClock;
import vn.childprotection.platform.notification.fixtures.TestHttpReceiver;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.newCaseId;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.overdue;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.referral;

class WebhookChannelTest {

    static final Instant NOW = Instant.parse("2025-03-10T02:16:00Z");
    static final String SECRET = "police-secret";

    private final TestHttpReceiver receiver = new TestHttpReceiver();
    private final MutableClock clock = new MutableClock(NOW);
    private final String url = receiver.url("/police/hook");
    private final WebhookChannel channel = new WebhookChannel(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), Duration.ofMillis(1500),
            Map.of(url, WebhookSignature.secretBytes(SECRET)), EventJson.mapper(), clock);

    @AfterEach
    void stop() {
        receiver.close();
    }

    static Notification webhookNotification(String url) {
        return Notification.ofReferral(referral(newCaseId()).agency("POLICE").build(),
                new Recipient(url, DeliveryChannel.WEBHOOK), false, NOW);
    }

    @Test
    void anEscalationOfAnOverdueReferralIsPostedAsStructuredSignedJsonWithStageAndDeadline() {
        ReferralOverdue escalated = overdue(referral(newCaseId()).agency("POLICE").build(),
                ReferralOverdue.Stage.ESCALATED);
        var directory = new FocalPointDirectory(List.of(
                new FocalPointDirectory.AgencyFocalPoints("POLICE",
                        new Recipient(url, DeliveryChannel.WEBHOOK), List.of())));
        Notification escalation = ((NotificationRules.Notify) NotificationRules.decide(escalated, directory,
                "11", NOW)).notifications().getFirst();

        assertThat(channel.deliver(escalation)).isEqualTo(new DeliveryOutcome.Delivered(1));

        var call = receiver.received("/police/hook").getFirst();
        assertThat(WebhookSignature.verify(call.header(WebhookSignature.HEADER), call.body(),
                WebhookSignature.secretBytes(SECRET), clock).isValid()).isTrue();
        JsonNode body = EventJson.mapper().readTree(call.body());
        assertThat(body.path("kind").asString()).isEqualTo("ESCALATION");
        assertThat(body.path("referralId").asString()).isEqualTo(escalated.referralId());
        assertThat(body.path("recipientRole").asString()).isEqualTo("FOCAL_POINT");
        assertThat(body.path("stage").asString()).isEqualTo("ESCALATED");
        assertThat(body.path("severity").asString()).isEqualTo("HIGH");
        assertThat(body.path("dueAt").asString()).isEqualTo("2025-03-10T06:15:30Z");
        assertThat(body.path("deadlines").get(0).path("kind").asString()).isEqualTo("ACKNOWLEDGEMENT");
        assertThat(call.body()).asString().doesNotContain(url);
    }

    @Test
    void postsTheNotificationSignedWithTheAgencysSecretAndItsIdAsIdempotencyKey() {
        Notification notification = webhookNotification(url);

        DeliveryOutcome outcome = channel.deliver(notification);

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Delivered(1));
        var call = receiver.received("/police/hook").getFirst();
        assertThat(call.header("Idempotency-Key")).isEqualTo(notification.notificationId());
        assertThat(call.header("Content-Type")).isEqualTo("application/json");
        assertThat(WebhookSignature.verify(call.header(WebhookSignature.HEADER), call.body(),
                WebhookSignature.secretBytes(SECRET), clock).isValid()).isTrue();
        assertThat(WebhookSignature.verify(call.header(WebhookSignature.HEADER), call.body(),
                WebhookSignature.secretBytes("other"), clock).isValid()).isFalse();
        JsonNode body = EventJson.mapper().readTree(call.body());
        assertThat(body.path("notificationId").asString()).isEqualTo(notification.notificationId());
        assertThat(body.path("caseId").asString()).isEqualTo(notification.caseId());
        assertThat(body.path("kind").asString()).isEqualTo("REFERRAL_ISSUED");
        assertThat(body.path("agency").asString()).isEqualTo("POLICE");
    }

    @Test
    void aServerErrorIsATransientFailureNamedByItsStatus() {
        receiver.answer("/police/hook", 503);

        assertThat(channel.deliver(webhookNotification(url)))
                .isEqualTo(new DeliveryOutcome.Failed("HTTP_503", true, 1));
    }

    @Test
    void aClientErrorIsAPermanentFailure() {
        receiver.answer("/police/hook", 400);

        assertThat(channel.deliver(webhookNotification(url)))
                .isEqualTo(new DeliveryOutcome.Failed("HTTP_400", false, 1));
    }

    @Test
    void anEndpointThatDoesNotAnswerInTimeIsATransientTimeout() {
        receiver.answer("/police/hook", TestHttpReceiver.HOLD);

        assertThat(channel.deliver(webhookNotification(url)))
                .isEqualTo(new DeliveryOutcome.Failed("TIMEOUT", true, 1));
    }

    @Test
    void aUrlWithoutConfiguredSecretIsNeverCalledUnsigned() {
        String other = receiver.url("/unknown/hook");

        assertThat(channel.deliver(webhookNotification(other)))
                .isEqualTo(new DeliveryOutcome.Failed(WebhookChannel.NO_WEBHOOK_SECRET, false, 1));
        assertThat(receiver.received("/unknown/hook")).isEmpty();
    }
}
