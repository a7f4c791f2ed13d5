package vn.childprotection.platform.notification.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The signature of a webhook call to an agency's system: HMAC-SHA256 with the agency's own secret over
 * {@code <epoch seconds> + "." + <body>}, sent as {@code X-CPRP-Signature: t=<epoch seconds>,v1=<hex>}. A receiver
 * verifies it with {@link #verify} and rejects calls whose timestamp is older than {@link #TOLERANCE} (a replayed
 * call) or too far in the future. Plain Java so that receivers, the local sink and tests share one implementation.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-CPRP-Signature";
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    /** How old a signed call may be when it arrives. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    /** The header value for {@code body} signed at {@code timestamp}. */
    public static String sign(byte[] secret, Instant timestamp, byte[] body) {
        long seconds = timestamp.getEpochSecond();
        return "t=" + seconds + ",v1=" + HexFormat.of().formatHex(mac(secret, seconds, body));
    }

    /** Why a signature was not accepted; {@link Verdict.Valid} when it was. */
    public sealed interface Verdict {
        record Valid() implements Verdict {
        }

        record Invalid(String reason) implements Verdict {
        }

        default boolean isValid() {
            return this instanceof Valid;
        }
    }

    /** Checks a received header against the body as received, with the receiver's clock. */
    public static Verdict verify(String header, byte[] body, byte[] secret, Clock clock) {
        if (header == null || header.isBlank()) {
            return new Verdict.Invalid("MISSING_SIGNATURE");
        }
        Long seconds = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            if (kv[0].equals("t")) {
                try {
                    seconds = Long.parseLong(kv[1]);
                } catch (NumberFormatException e) {
                    return new Verdict.Invalid("MALFORMED_SIGNATURE");
                }
            } else if (kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (seconds == null || v1 == null) {
            return new Verdict.Invalid("MALFORMED_SIGNATURE");
        }
        long now = clock.instant().getEpochSecond();
        if (now - seconds > TOLERANCE.toSeconds() || seconds - now > TOLERANCE.toSeconds()) {
            return new Verdict.Invalid("STALE_TIMESTAMP");
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(v1);
        } catch (IllegalArgumentException e) {
            return new Verdict.Invalid("MALFORMED_SIGNATURE");
        }
        return MessageDigest.isEqual(presented, mac(secret, seconds, body))
                ? new Verdict.Valid()
                : new Verdict.Invalid("SIGNATURE_MISMATCH");
    }

    private static byte[] mac(byte[] secret, long seconds, byte[] body) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length == 0) {
            throw new IllegalArgumentException("a webhook secret must not be empty");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            mac.update((seconds + ".").getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    public static byte[] secretBytes(String secret) {
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
