package vn.childprotection.platform.support.messaging;

/**
 * A message that could not be handled because the store or the broker cannot serve now: the consumer waits and
 * tries it again, for as long as it takes ({@link ResilientConsumers}). Its message names ids and the failure's type
 * only, and it carries no cause, so that nothing a store error may quote (personal data) reaches a log or a header.
 */
public final class WaitingForInfrastructureException extends RuntimeException implements InfrastructureUnavailable.Marker {

    public WaitingForInfrastructureException(String message) {
        super(message, null, false, false);
    }
}
