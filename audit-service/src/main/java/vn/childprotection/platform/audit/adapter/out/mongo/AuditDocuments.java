package vn.childprotection.platform.audit.adapter.out.mongo;

import org.bson.Document;
import vn.childprotection.platform.access.audit.AuditRecord;
import vn.childprotection.platform.contracts.AuditRecorded;
import vn.childprotection.platform.audit.domain.StoredRecord;
import vn.childprotection.platform.support.audit.KafkaAuditTrail;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;

/**
 * An audit record as a document of {@code audit_records}: the fields of its message ({@link AuditRecorded}) under
 * their names, {@code _id} the event id (or a conflicting copy's own id), absent fields left out. {@code occurredAt}
 * is kept as the exact ISO-8601 text the chain's hash covers (BSON dates hold milliseconds only); {@code at} is the
 * same instant as a date, for the filters, the order and retention. Read back through {@link AuditRecorded} and
 * {@link KafkaAuditTrail#fromEvent}, the same mapping the producer's chain uses.
 */
final class AuditDocuments {

    static final String ID = "_id";
    static final String EVENT_ID = "eventId";
    static final String CONFLICTING = "conflicting";
    static final String PRODUCER = "producer";
    static final String SEQUENCE = "sequence";
    static final String AT = "at";
    static final String OCCURRED_AT = "occurredAt";
    static final String SUBJECT = "subject";
    static final String CASE_ID = "caseId";
    static final String ACTION = "action";
    static final String OUTCOME = "outcome";
    static final String HASH = "hash";

    private AuditDocuments() {
    }

    static Document encode(StoredRecord stored) {
        AuditRecord r = stored.record();
        Document doc = new Document(ID, stored.id()).append(EVENT_ID, stored.eventId());
        if (stored.conflicting()) {
            doc.append(CONFLICTING, true);
        }
        doc.append(PRODUCER, r.producer()).append(SEQUENCE, r.sequence())
                .append(AT, Date.from(r.at())).append(OCCURRED_AT, r.at().toString());
        put(doc, SUBJECT, r.subject());
        put(doc, "roles", r.roles());
        put(doc, "agency", r.agency());
        put(doc, "unit", r.unit());
        put(doc, "client", r.client());
        put(doc, ACTION, r.action());
        put(doc, "resource", r.resource());
        put(doc, CASE_ID, r.caseId());
        put(doc, "referralId", r.referralId());
        put(doc, "notificationId", r.notificationId());
        put(doc, OUTCOME, r.outcome() == null ? null : r.outcome().name());
        doc.append("status", r.status());
        put(doc, "clientAddress", r.clientAddress());
        put(doc, "reason", r.reason());
        put(doc, "previousHash", r.previousHash());
        put(doc, HASH, r.hash());
        return doc;
    }

    static StoredRecord decode(Document doc) {
        String id = text(doc, ID);
        String eventId = text(doc, EVENT_ID);
        return new StoredRecord(id, eventId == null ? id : eventId, Boolean.TRUE.equals(doc.get(CONFLICTING)),
                record(doc));
    }

    /**
     * The record a document holds, as its chain's hash covers it. A document changed in the store still reads, so
     * that verification reports it instead of failing on it: a value of another type is read as its text, an
     * unreadable time or outcome as absent (its hash then no longer matches), and a date {@code at} that is not
     * {@code occurredAt}'s (a record moved in time for the filters or for retention) is taken as the record's time.
     */
    static AuditRecord record(Document doc) {
        String outcome = text(doc, OUTCOME);
        boolean knownOutcome = outcome != null && Arrays.stream(AuditRecord.Outcome.values())
                .anyMatch(o -> o.name().equals(outcome));
        AuditRecorded event = new AuditRecorded(text(doc, EVENT_ID), time(doc), text(doc, CASE_ID),
                text(doc, PRODUCER), number(doc, SEQUENCE), text(doc, SUBJECT), text(doc, "roles"),
                text(doc, "agency"), text(doc, "unit"), text(doc, "client"), text(doc, ACTION),
                text(doc, "resource"), text(doc, "referralId"), text(doc, "notificationId"),
                knownOutcome ? outcome : AuditRecord.Outcome.REFUSED.name(), (int) number(doc, "status"),
                text(doc, "clientAddress"), text(doc, "reason"), text(doc, "previousHash"), text(doc, HASH));
        AuditRecord record = KafkaAuditTrail.fromEvent(event);
        return knownOutcome ? record : new AuditRecord(record.producer(), record.sequence(), record.at(),
                record.subject(), record.roles(), record.agency(), record.unit(), record.client(), record.action(),
                record.resource(), record.caseId(), record.referralId(), record.notificationId(), null,
                record.status(), record.clientAddress(), record.reason(), record.previousHash(), record.hash());
    }

    private static Instant time(Document doc) {
        Instant occurredAt;
        try {
            occurredAt = Instant.parse(text(doc, OCCURRED_AT));
        } catch (RuntimeException unreadable) {
            occurredAt = null;
        }
        if (doc.get(AT) instanceof Date at && occurredAt != null
                && at.getTime() != occurredAt.truncatedTo(ChronoUnit.MILLIS).toEpochMilli()) {
            return at.toInstant();
        }
        return occurredAt;
    }

    private static String text(Document doc, String field) {
        Object value = doc.get(field);
        return value == null ? null : value instanceof String s ? s : value.toString();
    }

    private static long number(Document doc, String field) {
        Object value = doc.get(field);
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return value == null ? 0 : Long.parseLong(value.toString());
        } catch (NumberFormatException unreadable) {
            return 0;
        }
    }

    private static void put(Document doc, String field, String value) {
        if (value != null) {
            doc.append(field, value);
        }
    }
}
