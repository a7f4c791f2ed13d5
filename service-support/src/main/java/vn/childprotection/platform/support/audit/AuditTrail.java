package vn.childprotection.platform.support.audit;

import vn.childprotection.platform.access.audit.AuditRecord;

/**
 * Where a service writes its audit records. {@link #record} returns only once the record is durable (on the broker,
 * acknowledged by every in-sync replica): a response is never sent before the record that describes it.
 */
public interface AuditTrail {

    /**
     * Chains the draft (its producer, sequence and hashes are set here) and makes it durable.
     *
     * @throws AuditUnavailableException when it could not be made durable in time: the request must fail (503)
     */
    void record(AuditRecord draft);
}
