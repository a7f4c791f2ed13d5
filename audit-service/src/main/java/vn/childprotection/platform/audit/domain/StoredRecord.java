package vn.childprotection.platform.audit.domain;

import vn.childprotection.platform.access.audit.AuditChain;
import vn.childprotection.platform.access.audit.AuditRecord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One audit record as the trail keeps it: the record a producer chained, under its event id. A replayed message has
 * the same event id and the same content and is kept once. A message under a known event id with other content is
 * not a replay: it is kept as well, as a {@linkplain #conflicting() conflicting copy} under an id of its own, so that
 * it is seen (it repeats a sequence number of its chain, which verification reports) instead of silently dropped.
 *
 * @param id          the store's id: the event id, or for a conflicting copy the event id and a digest of the copy
 * @param eventId     the message's event id
 * @param conflicting whether this is a second record under an event id already kept with other content
 * @param record      the chained record
 */
public record StoredRecord(String id, String eventId, boolean conflicting, AuditRecord record) {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    public StoredRecord {
        if (id == null || id.isBlank() || eventId == null || eventId.isBlank() || record == null) {
            throw new IllegalArgumentException("a stored record has an id, an event id and a record");
        }
    }

    /** The record as its producer sent it, under its event id. */
    public static StoredRecord of(String eventId, AuditRecord record) {
        return new StoredRecord(eventId, eventId, false, record);
    }

    /**
     * This record kept beside another one already stored under the same event id, under an id derived from its whole
     * content (its fields and the hash it claims), so that a replay of the same copy is kept once as well.
     */
    public StoredRecord asConflictingCopy() {
        return new StoredRecord(eventId + ":" + contentDigest(record), eventId, true, record);
    }

    /** SHA-256 over what the record's fields give and the hash it claims: equal for equal records only. */
    static String contentDigest(AuditRecord record) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            String content = AuditChain.hashOf(record) + "|" + record.hash();
            return HexFormat.of().formatHex(sha256.digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * What makes a message unusable as an audit record (it is then dead-lettered): the fields every record of a
     * chain carries (schema {@code audit-event.schema.json}). Empty when it can be stored.
     */
    public static List<String> problems(String eventId, AuditRecord record) {
        List<String> problems = new ArrayList<>();
        if (eventId == null || eventId.isBlank()) {
            problems.add("eventId missing");
        }
        if (record.producer() == null || record.producer().isBlank()) {
            problems.add("producer missing");
        }
        if (record.sequence() < 1) {
            problems.add("sequence below 1");
        }
        if (record.at() == null) {
            problems.add("occurredAt missing");
        }
        if (record.action() == null || record.action().isBlank()) {
            problems.add("action missing");
        }
        if (record.outcome() == null) {
            problems.add("outcome missing");
        }
        if (record.previousHash() == null || !HASH.matcher(record.previousHash()).matches()) {
            problems.add("previousHash not a SHA-256");
        }
        if (record.hash() == null || !HASH.matcher(record.hash()).matches()) {
            problems.add("hash not a SHA-256");
        }
        return problems;
    }
}
