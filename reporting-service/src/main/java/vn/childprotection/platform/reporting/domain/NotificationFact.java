package vn.childprotection.platform.reporting.domain;

import vn.childprotection.platform.contracts.NotificationDelivered;
import vn.childprotection.platform.contracts.NotificationEvent;
import vn.childprotection.platform.contracts.NotificationFailed;
import vn.childprotection.platform.contracts.NotificationKind;

import java.time.Instant;
import java.util.Objects;

/**
 * One notification event (delivered or failed), one fact per event id, so a redelivery cannot count twice. Codes
 * and ids only, as on the topic: never an address, a name or a message text.
 */
public record NotificationFact(String eventId, String caseId, String notificationId, NotificationKind kind,
                               boolean delivered, String channel, String recipientRole, String agency,
                               String referralId, int attempts, Instant occurredAt) {

    public static final String INFORMANT = "INFORMANT";

    public NotificationFact {
        Objects.requireNonNull(eventId, "eventId");
    }

    public static NotificationFact of(NotificationEvent event) {
        return switch (event) {
            case NotificationDelivered d -> new NotificationFact(d.eventId(), d.caseId(), d.notificationId(),
                    d.kind(), true, d.channel(), d.recipientRole(), d.agency(), d.referralId(), d.attempts(),
                    d.occurredAt());
            case NotificationFailed f -> new NotificationFact(f.eventId(), f.caseId(), f.notificationId(),
                    f.kind(), false, f.channel(), f.recipientRole(), f.agency(), f.referralId(), f.attempts(),
                    f.occurredAt());
        };
    }

    /** The informant was told the case's outcome (S0 Art 7.2). */
    public boolean toldInformantTheOutcome() {
        return delivered && kind == NotificationKind.OUTCOME_TO_INFORMANT;
    }
}
