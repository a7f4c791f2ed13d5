package vn.childprotection.platform.referral.application.port.in;

/** Publishes what cases owe to their topics (the outbox relay). */
public interface RelayOutboxUseCase {

    /** Publishes the pending messages of one case, in order, if this instance can claim it. */
    RelayResult relay(String caseId);

    /** Relays every case left pending (after a crash or a broker outage); returns how many cases were completed. */
    int sweep();

    /**
     * @param published messages published by this call
     * @param complete  the case owes nothing any more
     * @param claimed   false when another instance holds the case (or it was not pending): nothing was done
     */
    record RelayResult(String caseId, int published, boolean complete, boolean claimed) {
    }
}
