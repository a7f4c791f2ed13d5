package vn.childprotection.platform.audit.application.port.out;

import vn.childprotection.platform.access.audit.AuditRecord;
import vn.childprotection.platform.audit.domain.AuditFilter;
import vn.childprotection.platform.audit.domain.StoredRecord;

import java.time.Instant;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where the audit records are kept: one document per record under its id, the producer's sequence number beside
 * it. Lists are newest first ({@code at}, then sequence number, descending); chains in sequence order.
 */
public interface AuditStore {

    /**
     * Inserts the records whose ids are not stored yet, in one write where the store allows it.
     *
     * @return the positions in {@code records} of those not written because their id was stored already (by an
     *         earlier write or by an earlier record of the same list)
     */
    BitSet insertNew(List<StoredRecord> records);

    /** The records stored under these ids (ids not stored are left out). */
    Map<String, StoredRecord> findByIds(Collection<String> ids);

    /** The records the filter selects, newest first, from {@code offset}, at most {@code limit}. */
    List<StoredRecord> find(AuditFilter filter, long offset, int limit);

    long count(AuditFilter filter);

    /** The records the filter selects, newest first, at most {@code limit}, read as they are consumed. Close it. */
    Stream<StoredRecord> stream(AuditFilter filter, long limit);

    /** Every producer with a record in the store. */
    Set<String> producers();

    /** Every producer with a record that happened before {@code horizon}. */
    Set<String> producersWithRecordsBefore(Instant horizon);

    /** The producer's records after {@code afterSequence}, in sequence order, read as they are consumed. Close it. */
    Stream<AuditRecord> chain(String producer, long afterSequence);

    /** The next {@code limit} records of the producer's chain after {@code afterSequence}, in sequence order. */
    List<AuditRecord> chainSlice(String producer, long afterSequence, int limit);

    /** Removes the producer's records up to and including {@code sequence}; returns how many. */
    long deleteThrough(String producer, long sequence);
}
