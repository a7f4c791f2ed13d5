package vn.childprotection.platform.access.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Links a producer's audit records: each new record takes the next sequence number and its predecessor's hash, and
 * gets its own hash over all its fields (SHA-256 over a length-prefixed encoding, so that no two different records
 * encode alike).
 */
public final class AuditChain {

    /** The predecessor hash of a chain's first record. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /**
     * The record that follows {@code previous} ({@code null}: the first of the chain), with sequence, predecessor
     * hash and hash set; the draft's own values of those three are ignored.
     */
    public static AuditRecord append(AuditRecord previous, AuditRecord draft) {
        long sequence = previous == null ? 1 : previous.sequence() + 1;
        String previousHash = previous == null ? GENESIS : previous.hash();
        AuditRecord linked = draft.chained(sequence, previousHash, null);
        return linked.chained(sequence, previousHash, hashOf(linked));
    }

    /** The hash a record must carry: SHA-256 over its chained fields, hex. */
    public static String hashOf(AuditRecord record) {
        StringBuilder encoded = new StringBuilder();
        for (String field : record.chainedFields()) {
            if (field == null) {
                encoded.append("-1:");
            } else {
                encoded.append(field.length()).append(':').append(field);
            }
            encoded.append(';');
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(encoded.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
