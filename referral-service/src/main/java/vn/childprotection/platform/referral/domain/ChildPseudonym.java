package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.contracts.Child;
import vn.childprotection.platform.contracts.Location;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * The child's pseudonym on {@code CaseOpened.childKey}: hex HMAC-SHA256, under a secret only referral-service holds,
 * of {@code name + U+001F + sex + U+001F + provinceCode}, where {@code name} is the child's full name NFC-normalised,
 * trimmed, inner whitespace collapsed to one space and lower-cased (Locale.ROOT), {@code sex} the enum name (empty
 * when unknown). Reporting can count repeat reports about one child without learning who the child is; without the
 * secret the key cannot be recomputed from a guessed name. {@code null} when the child's name is unknown.
 */
public final class ChildPseudonym {

    /** No pseudonyms (tests and callers without a secret): every key is {@code null}. */
    public static final ChildPseudonym NONE = new ChildPseudonym(null);

    private final byte[] secret;

    public ChildPseudonym(String secret) {
        this.secret = secret == null || secret.isEmpty() ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    public String keyOf(Child child, Location location) {
        if (secret == null || child == null || child.fullName() == null || child.fullName().isBlank()) {
            return null;
        }
        String name = Normalizer.normalize(child.fullName(), Normalizer.Form.NFC).strip()
                .replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        String sex = child.sex() == null ? "" : child.sex().name();
        String province = location == null || location.provinceCode() == null ? "" : location.provinceCode().strip();
        String text = name + '\u001f' + sex + '\u001f' + province;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChildPseudonym that && java.util.Arrays.equals(secret, that.secret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(java.util.Arrays.hashCode(secret));
    }

    @Override
    public String toString() {
        return "ChildPseudonym[secret=" + (secret == null ? "none" : "***") + "]";
    }
}
