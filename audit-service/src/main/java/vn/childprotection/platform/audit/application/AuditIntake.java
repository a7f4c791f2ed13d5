package vn.childprotection.platform.audit.application;

import vn.childprotection.platform.audit.application.port.out.AuditStore;
import vn.childprotection.platform.audit.application.port.out.PurgeMarkers;
import vn.childprotection.platform.audit.domain.PurgeMarker;
import vn.childprotection.platform.audit.domain.StoredRecord;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keeps the audit records consumed from {@code audit.events.v1}, a batch at a time, each once: a record whose event
 * id is stored already with the same content is a replay and changes nothing; one stored already with other content
 * is kept beside it as a conflicting copy ({@link StoredRecord#asConflictingCopy()}), which verification then
 * reports; one at or before what retention purged from its chain is not stored again.
 */
public final class AuditIntake {

    /**
     * @param stored      records written
     * @param replayed    records stored already, as they were
     * @param conflicting records written as conflicting copies
     * @param purged      records retention had already purged, not stored again
     */
    public record Outcome(int stored, int replayed, int conflicting, int purged) {
    }

    private static final Comparator<StoredRecord> CHAIN_ORDER = Comparator
            .comparing((StoredRecord r) -> r.record().producer()).thenComparingLong(r -> r.record().sequence());

    private final AuditStore store;
    private final PurgeMarkers markers;

    public AuditIntake(AuditStore store, PurgeMarkers markers) {
        this.store = store;
        this.markers = markers;
    }

    public Outcome store(List<StoredRecord> batch) {
        if (batch.isEmpty()) {
            return new Outcome(0, 0, 0, 0);
        }
        Map<String, PurgeMarker> purged = markers.find(batch.stream().map(r -> r.record().producer())
                .collect(Collectors.toSet()));
        List<StoredRecord> retained = new ArrayList<>(batch.size());
        for (StoredRecord record : batch) {
            PurgeMarker marker = purged.get(record.record().producer());
            if (marker == null || record.record().sequence() > marker.anchor().sequence()) {
                retained.add(record);
            }
        }
        int alreadyPurged = batch.size() - retained.size();
        if (retained.isEmpty()) {
            return new Outcome(0, 0, 0, alreadyPurged);
        }
        // in chain order, so that a chain's records are written in the order a reader expects them
        retained.sort(CHAIN_ORDER);
        BitSet known = store.insertNew(retained);
        int stored = retained.size() - known.cardinality();
        if (known.isEmpty()) {
            return new Outcome(stored, 0, 0, alreadyPurged);
        }
        Map<String, StoredRecord> kept = store.findByIds(known.stream().mapToObj(i -> retained.get(i).id())
                .collect(Collectors.toSet()));
        Map<String, StoredRecord> copies = new LinkedHashMap<>();
        int replayed = 0;
        for (int i = known.nextSetBit(0); i >= 0; i = known.nextSetBit(i + 1)) {
            StoredRecord record = retained.get(i);
            StoredRecord existing = kept.get(record.id());
            // absent now: retention purged it since the insert met it, so there is nothing to compare with
            if (existing == null || existing.record().equals(record.record())) {
                replayed++;
                continue;
            }
            StoredRecord copy = record.asConflictingCopy();
            if (copies.putIfAbsent(copy.id(), copy) != null) {
                replayed++;
            }
        }
        int conflicting = 0;
        if (!copies.isEmpty()) {
            BitSet knownCopies = store.insertNew(List.copyOf(copies.values()));
            conflicting = copies.size() - knownCopies.cardinality();
            replayed += knownCopies.cardinality();
        }
        return new Outcome(stored, replayed, conflicting, alreadyPurged);
    }
}
