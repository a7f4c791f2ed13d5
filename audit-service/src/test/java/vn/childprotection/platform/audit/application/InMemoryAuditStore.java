package vn.childprotection.platform.audit.application;

import vn.childprotection.platform.access.audit.AuditRecord;
import vn.childprotection.platform.audit.application.port.out.AuditStore;
import vn.childprotection.platform.audit.domain.AuditFilter;
import vn.childprotection.platform.audit.domain.StoredRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The records' store in memory, for the use cases' tests; {@link #replace} and {@link #delete} forge. */
final class InMemoryAuditStore implements AuditStore {

    private static final Comparator<StoredRecord> NEWEST_FIRST = Comparator
            .comparing((StoredRecord s) -> s.record().at()).reversed()
            .thenComparing(Comparator.comparingLong((StoredRecord s) -> s.record().sequence()).reversed())
            .thenComparing(Comparator.comparing(StoredRecord::id).reversed());
    private static final Comparator<AuditRecord> CHAIN_ORDER = Comparator.comparingLong(AuditRecord::sequence);

    final Map<String, StoredRecord> records = new LinkedHashMap<>();
    int insertCommands;

    @Override
    public BitSet insertNew(List<StoredRecord> batch) {
        insertCommands++;
        BitSet known = new BitSet();
        for (int i = 0; i < batch.size(); i++) {
            if (records.putIfAbsent(batch.get(i).id(), batch.get(i)) != null) {
                known.set(i);
            }
        }
        return known;
    }

    @Override
    public Map<String, StoredRecord> findByIds(Collection<String> ids) {
        Map<String, StoredRecord> found = new HashMap<>();
        ids.forEach(id -> Optional.ofNullable(records.get(id)).ifPresent(r -> found.put(id, r)));
        return found;
    }

    @Override
    public List<StoredRecord> find(AuditFilter filter, long offset, int limit) {
        return selected(filter).skip(offset).limit(limit).toList();
    }

    @Override
    public long count(AuditFilter filter) {
        return selected(filter).count();
    }

    @Override
    public Stream<StoredRecord> stream(AuditFilter filter, long limit) {
        return selected(filter).limit(limit);
    }

    @Override
    public Set<String> producers() {
        return records.values().stream().map(r -> r.record().producer()).collect(Collectors.toSet());
    }

    @Override
    public Set<String> producersWithRecordsBefore(Instant horizon) {
        return records.values().stream().filter(r -> r.record().at().isBefore(horizon))
                .map(r -> r.record().producer()).collect(Collectors.toSet());
    }

    @Override
    public Stream<AuditRecord> chain(String producer, long afterSequence) {
        return records.values().stream().map(StoredRecord::record)
                .filter(r -> r.producer().equals(producer) && r.sequence() > afterSequence).sorted(CHAIN_ORDER);
    }

    @Override
    public List<AuditRecord> chainSlice(String producer, long afterSequence, int limit) {
        return chain(producer, afterSequence).limit(limit).toList();
    }

    @Override
    public long deleteThrough(String producer, long sequence) {
        List<String> ids = records.values().stream()
                .filter(r -> r.record().producer().equals(producer) && r.record().sequence() <= sequence)
                .map(StoredRecord::id).toList();
        ids.forEach(records::remove);
        return ids.size();
    }

    /** Replaces a stored record (a forger with write access to the store). */
    void replace(AuditRecord forged) {
        StoredRecord original = records.values().stream()
                .filter(r -> r.record().producer().equals(forged.producer())
                        && r.record().sequence() == forged.sequence())
                .findFirst().orElseThrow();
        records.put(original.id(), new StoredRecord(original.id(), original.eventId(), false, forged));
    }

    void delete(String producer, long sequence) {
        records.values().removeIf(r -> r.record().producer().equals(producer) && r.record().sequence() == sequence);
    }

    List<StoredRecord> all() {
        return new ArrayList<>(records.values());
    }

    private Stream<StoredRecord> selected(AuditFilter f) {
        return records.values().stream().filter(s -> {
            AuditRecord r = s.record();
            return (f.subject() == null || f.subject().equals(r.subject()))
                    && (f.producer() == null || f.producer().equals(r.producer()))
                    && (f.caseId() == null || f.caseId().equals(r.caseId()))
                    && (f.action() == null || f.action().equals(r.action()))
                    && (f.outcome() == null || f.outcome() == r.outcome())
                    && (f.from() == null || !r.at().isBefore(f.from()))
                    && (f.to() == null || r.at().isBefore(f.to()));
        }).sorted(NEWEST_FIRST);
    }
}
