package vn.childprotection.platform.notification.domain;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.notification.fixtures.MutableClock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    private static final Instant SIGNED_AT = Instant.parse("2025-03-10T02:16:00Z");
    private static final byte[] SECRET = WebhookSignature.secretBytes("police-secret");
    private static final byte[] BODY = "{\"notificationId\":\"n-1\"}".getBytes(StandardCharsets.UTF_8);

    private final MutableClock receiverClock = new MutableClock(SIGNED_AT.plusSeconds(2));

    @Test
    void aCallSignedWithTheAgencysSecretIsAccepted() {
        String header = WebhookSignature.sign(SECRET, SIGNED_AT, BODY);

        assertThat(header).matches("t=" + SIGNED_AT.getEpochSecond() + ",v1=[0-9a-f]{64}");
        assertThat(WebhookSignature.verify(header, BODY, SECRET, receiverClock))
                .isEqualTo(new WebhookSignature.Verdict.Valid());
    }

    @Test
    void aCallSignedWithAnotherSecretIsRejected() {
        String header = WebhookSignature.sign(WebhookSignature.secretBytes("health-secret"), SIGNED_AT, BODY);

        assertThat(WebhookSignature.verify(header, BODY, SECRET, receiverClock))
                .isEqualTo(new WebhookSignature.Verdict.Invalid("SIGNATURE_MISMATCH"));
    }

    @Test
    void anAlteredBodyIsRejected() {
        String header = WebhookSignature.sign(SECRET, SIGNED_AT, BODY);
        byte[] altered = "{\"notificationId\":\"n-2\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookSignature.verify(header, altered, SECRET, receiverClock))
                .isEqualTo(new WebhookSignature.Verdict.Invalid("SIGNATURE_MISMATCH"));
    }

    @Test
    void aTimestampOlderThanFiveMinutesIsRejectedAsAReplay() {
        String header = WebhookSignature.sign(SECRET, SIGNED_AT, BODY);
        receiverClock.advance(Duration.ofMinutes(5));

        assertThat(WebhookSignature.verify(header, BODY, SECRET, receiverClock))
                .isEqualTo(new WebhookSignature.Verdict.Invalid("STALE_TIMESTAMP"));
    }

    @Test
    void aTimestampMovedByTheSenderBreaksTheSignature() {
        String header = WebhookSignature.sign(SECRET, SIGNED_AT, BODY)
                .replace("t=" + SIGNED_AT.getEpochSecond(), "t=" + (SIGNED_AT.getEpochSecond() + 1));

        assertThat(WebhookSignature.verify(header, BODY, SECRET, receiverClock).isValid()).isFalse();
    }

    @Test
    void aMissingOrMalformedHeaderIsRejected() {
        assertThat(WebhookSignature.verify(null, BODY, SECRET, receiverClock))
                .isEqualTo(new WebhookSignature.Verdict.Invalid("MISSING_SIGNATURE"));
        assertThat(WebhookSignature.verify("t=abc,v1=00", BODY, SECRET, receiverClock))
                .isEqualTo(new WebhookSignature.Verdict.Invalid("MALFORMED_SIGNATURE"));
        assertThat(WebhookSignature.verify("t=" + SIGNED_AT.getEpochSecond() + ",v1=zz", BODY, SECRET,
                receiverClock)).isEqualTo(new WebhookSignature.Verdict.Invalid("MALFORMED_SIGNATURE"));
    }
}
