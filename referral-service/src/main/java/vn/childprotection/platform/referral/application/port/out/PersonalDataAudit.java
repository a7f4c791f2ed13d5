package vn.childprotection.platform.referral.application.port.out;

import java.time.Duration;
import java.time.Instant;

/**
 * The audit records of what the retention job does by itself (no person asked): written to the service's audit
 * trail like every request's, with ids and times only.
 */
public interface PersonalDataAudit {

    /**
     * Records, durably, that the case's personal data is about to be purged: before it is, so nothing is purged
     * without its record.
     *
     * @throws RuntimeException when the record cannot be made durable: then nothing is purged
     */
    void purging(String caseId, Instant closedAt, Duration retention);

    /** The purge recorded by {@link #purging} was not carried out (the case changed meanwhile; the next pass decides). */
    void purgeNotDone(String caseId, String why);
}
