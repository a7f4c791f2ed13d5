package vn.childprotection.platform.referral.application.port.out;

import vn.childprotection.platform.referral.domain.OutboxMessage;

import java.util.List;
import java.util.Set;

/**
 * What is already on the topics: asked by the outbox relay only when an earlier attempt on a case may have sent some
 * of its pending messages without marking them (a crash between acknowledgement and marking, a lost claim, a send
 * that failed without the relay knowing whether the broker wrote it). Never on the hot path.
 */
public interface PublicationLedger {

    /**
     * The event ids of {@code pending} that are already on their topics (each looked for on its own topic, in the
     * partition of its key, among the records written since its {@code recordedAt} less a clock-skew margin).
     *
     * @throws LedgerUnavailableException when the topics cannot be read completely (broker down): the caller must
     *                                    then publish nothing, as it cannot tell what is there
     */
    Set<String> alreadyPublished(List<OutboxMessage> pending);

    class LedgerUnavailableException extends RuntimeException {
        public LedgerUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
