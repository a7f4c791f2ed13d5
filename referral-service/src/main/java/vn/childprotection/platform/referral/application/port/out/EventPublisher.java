package vn.childprotection.platform.referral.application.port.out;

import vn.childprotection.platform.referral.domain.OutboxMessage;

/** Publishes one outbox message and returns only once the broker acknowledged it (acks=all). */
public interface EventPublisher {

    /**
     * @throws PublishFailedException when the broker did not acknowledge in time; the message stays pending
     */
    void publish(OutboxMessage message);

    class PublishFailedException extends RuntimeException {
        public PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
