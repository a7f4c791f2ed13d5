package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.contracts.AgencyReferral;
import vn.childprotection.platform.contracts.AgencyReferralEvent;
import vn.childprotection.platform.contracts.Child;
import vn.childprotection.platform.contracts.EventJson;

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

    /**
     * Whether the payload carries personal data: an agency's work order ({@code AgencyReferral}) with the child's
     * name or the narrative. Case events carry none (conventions, "Personal data").
     */
    public boolean carriesPersonalData() {
        return withoutPersonalData() != this;
    }

    /**
     * This message with a payload that keeps no personal data: an {@code AgencyReferral} without the child's name and
     * the narrative (sex, age, codes, rule and deadlines stay); any other message as it is. Once a message is on its
     * topic its copy here is not needed for sending again, only as the case's record of what it owed.
     */
    public OutboxMessage withoutPersonalData() {
        if (!AgencyReferral.TYPE.equals(eventType)) {
            return this;
        }
        AgencyReferral referral = (AgencyReferral) EventJson.read(payload, AgencyReferralEvent.class);
        if (referral.narrative() == null && (referral.child() == null || referral.child().fullName() == null)) {
            return this;
        }
        Child child = referral.child() == null ? null
                : new Child(null, referral.child().sex(), referral.child().ageYears());
        AgencyReferral kept = new AgencyReferral(referral.eventId(), referral.occurredAt(), referral.caseId(),
                referral.referralId(), referral.agency(), referral.role(), referral.areaCode(), referral.receivedAt(),
                referral.concerns(), referral.severity(), referral.location(), child, null, referral.ruleId(),
                referral.rulesetVersion(), referral.legalBasis(), referral.dueAt(), referral.unitId(),
                referral.forwardedFrom());
        return new OutboxMessage(eventId, eventType, topic, key, EventJson.writeString(kept), recordedAt,
                publishedAt);
    }
}
