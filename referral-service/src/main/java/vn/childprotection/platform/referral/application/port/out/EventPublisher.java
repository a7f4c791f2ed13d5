package vn.childprotection.platform.referral.application.port.out;

import vn.childprotection.platform.referral.domain.OutboxMessage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Publishes a case's pending outbox messages: sends them all in order (same key, so each topic's records keep their
 * order in one partition), then waits for every acknowledgement ({@code acks=all}).
 *
 * <p>Contract the relay's "once on the topic" rests on: when this returns, no record it handed to the broker client
 * can still be appended later. An outcome other than {@link Status#ACKNOWLEDGED} means the client has given up on that
 * record (its own delivery timeout is shorter than the wait): it may or may not be on the topic, never "still on its
 * way".
 */
public interface EventPublisher {

    /**
     * @param messages the messages to send, in outbox order
     * @param sendBy   no send starts after this instant (the caller's claim must outlive every record it sends);
     *                 later messages come back {@link Status#NOT_SENT}
     * @return one outcome per message, in the same order
     */
    List<Outcome> publishAll(List<OutboxMessage> messages, Instant sendBy);

    enum Status {
        /** The broker acknowledged it (acks=all): it is on its topic. */
        ACKNOWLEDGED,
        /** Handed to the client, not acknowledged in time or refused: it may or may not be on its topic. */
        FAILED,
        /** Never handed to the client (an earlier send failed, or {@code sendBy} passed). */
        NOT_SENT
    }

    /** @param failure a technical reason for the logs (exception class names only), {@code null} when acknowledged */
    record Outcome(OutboxMessage message, Status status, String failure) {

        public Outcome {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(status, "status");
        }

        public static Outcome acknowledged(OutboxMessage message) {
            return new Outcome(message, Status.ACKNOWLEDGED, null);
        }

        public static Outcome failed(OutboxMessage message, String failure) {
            return new Outcome(message, Status.FAILED, failure);
        }

        public static Outcome notSent(OutboxMessage message, String why) {
            return new Outcome(message, Status.NOT_SENT, why);
        }

        public boolean acknowledged() {
            return status == Status.ACKNOWLEDGED;
        }
    }
}
