package vn.childprotection.platform.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/**
 * What every message on every topic carries: a deterministic {@code eventId} (a replay repeats it, so consumers
 * de-duplicate by it), an explicit versioned {@code eventType} (never a Java class name), {@code occurredAt}, and the
 * {@code caseId} that is also the message key.
 */
public interface Event {

    String eventId();

    Instant occurredAt();

    String caseId();

    /** The versioned type name written to the {@code eventType} property, e.g. {@code CaseOpened.v1}. */
    @JsonIgnore
    String eventType();
}
