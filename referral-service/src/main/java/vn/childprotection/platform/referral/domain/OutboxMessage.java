package vn.childprotection.platform.referral.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A message the case owes to a topic, held in the case document itself (single-document atomicity: the state and
 * what must be told about it are written together; no dual write).
 *
 * @param payload     the message value, JSON as written by {@code EventJson}
 * @param recordedAt  when the message was put in the outbox (the event's {@code occurredAt}): no copy of it can be on
 *                    its topic with an earlier timestamp (up to clock skew), so the relay's check for copies already
 *                    sent reads from here on; {@code null} only for messages stored before it existed (the store then
 *                    gives the case's {@code openedAt})
 * @param publishedAt when the relay saw the broker acknowledge it (or found it already on its topic); {@code null}
 *                    while pending
 */
public record OutboxMessage(String eventId, String eventType, String topic, String key, String payload,
                            Instant recordedAt, Instant publishedAt) {

    public OutboxMessage {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
    }

    public boolean pending() {
        return publishedAt == null;
    }

    public OutboxMessage publishedAt(Instant at) {
        return new OutboxMessage(eventId, eventType, topic, key, payload, recordedAt, at);
    }
}
