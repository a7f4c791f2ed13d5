package vn.childprotection.platform.access.audit;

import java.util.HashMap;
import java.util.Map;

/**
 * Walks audit records in the order they are stored and reports the first break of a producer's chain: a record
 * whose hash does not match its fields (altered), a sequence number that skips (a record deleted), one that goes
 * back or repeats (reordered or duplicated), or a predecessor hash that is not the previous record's (a record
 * replaced or inserted).
 */
public final class AuditChainVerifier {

    /** The verification's outcome, a value. */
    public sealed interface Verification {
    }

    /** Every chain intact: {@code records} records checked. */
    public record Intact(long records) implements Verification {
    }

    /** The first break found. */
    public record Broken(String producer, long sequence, Problem problem, String detail) implements Verification {
    }

    public enum Problem { ALTERED, MISSING, OUT_OF_ORDER, NOT_LINKED }

    private AuditChainVerifier() {
    }

    public static Verification verify(Iterable<AuditRecord> storedOrder) {
        Map<String, AuditRecord> last = new HashMap<>();
        long checked = 0;
        for (AuditRecord record : storedOrder) {
            String expectedHash = AuditChain.hashOf(record);
            if (!expectedHash.equals(record.hash())) {
                return new Broken(record.producer(), record.sequence(), Problem.ALTERED,
                        "its fields do not give its hash");
            }
            AuditRecord previous = last.get(record.producer());
            long expected = previous == null ? 1 : previous.sequence() + 1;
            if (record.sequence() > expected) {
                return new Broken(record.producer(), record.sequence(), Problem.MISSING,
                        "records " + expected + " to " + (record.sequence() - 1) + " are missing");
            }
            if (record.sequence() < expected) {
                return new Broken(record.producer(), record.sequence(), Problem.OUT_OF_ORDER,
                        "comes after record " + (expected - 1));
            }
            String expectedPrevious = previous == null ? AuditChain.GENESIS : previous.hash();
            if (!expectedPrevious.equals(record.previousHash())) {
                return new Broken(record.producer(), record.sequence(), Problem.NOT_LINKED,
                        "its predecessor hash is not record " + (expected - 1) + "'s");
            }
            last.put(record.producer(), record);
            checked++;
        }
        return new Intact(checked);
    }
}
