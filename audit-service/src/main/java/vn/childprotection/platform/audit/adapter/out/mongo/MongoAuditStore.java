package vn.childprotection.platform.audit.adapter.out.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.childprotection.platform.access.audit.AuditRecord;
import vn.childprotection.platform.audit.application.port.out.AuditStore;
import vn.childprotection.platform.audit.domain.AuditFilter;
import vn.childprotection.platform.audit.domain.StoredRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static vn.childprotection.platform.audit.adapter.out.mongo.AuditDocuments.ACTION;
import static vn.childprotection.platform.audit.adapter.out.mongo.AuditDocuments.AT;
import static vn.childprotection.platform.audit.adapter.out.mongo.AuditDocuments.CASE_ID;
import static vn.childprotection.platform.audit.adapter.out.mongo.AuditDocuments.ID;
import static vn.childprotection.platform.audit.adapter.out.mongo.AuditDocuments.OUTCOME;
import static vn.childprotection.platform.audit.adapter.out.mongo.AuditDocuments.PRODUCER;
import static vn.childprotection.platform.audit.adapter.out.mongo.AuditDocuments.SEQUENCE;
import static vn.childprotection.platform.audit.adapter.out.mongo.AuditDocuments.SUBJECT;

/**
 * {@code audit_records}: one document per record ({@link AuditDocuments}). A batch is one unordered
 * {@code insertMany} (one command instead of one per record); an id stored already is a duplicate-key error of that
 * command for that record only, and the others are written. Indexes: the chain, {@code (producer, sequence)}; the
 * newest-first order, {@code (at, sequence, _id)} descending; and one per filter, leading with the filtered field and
 * followed by the order, so that a page is read from the index on MongoDB (the development stand-in uses an index's
 * leading field only).
 */
public final class MongoAuditStore implements AuditStore {

    public static final String COLLECTION = "audit_records";
    /** Documents per round trip when a list, an export or a chain is read. */
    static final int BATCH = 500;

    private static final Bson NEWEST_FIRST = Sorts.orderBy(Sorts.descending(AT), Sorts.descending(SEQUENCE),
            Sorts.descending(ID));
    private static final Bson CHAIN_ORDER = Sorts.orderBy(Sorts.ascending(SEQUENCE), Sorts.ascending(ID));

    private final MongoTemplate mongo;

    public MongoAuditStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Creates the indexes (idempotent). */
    public void createIndexes() {
        MongoCollection<Document> records = collection();
        records.createIndex(Indexes.ascending(PRODUCER, SEQUENCE));
        records.createIndex(Indexes.descending(AT, SEQUENCE, ID));
        for (String field : List.of(SUBJECT, CASE_ID, ACTION, OUTCOME)) {
            records.createIndex(Indexes.compoundIndex(Indexes.ascending(field), Indexes.descending(AT, SEQUENCE, ID)));
        }
    }

    @Override
    public BitSet insertNew(List<StoredRecord> records) {
        BitSet known = new BitSet(records.size());
        if (records.isEmpty()) {
            return known;
        }
        try {
            collection().insertMany(records.stream().map(AuditDocuments::encode).toList(),
                    new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                known.set(error.getIndex());
            }
            if (e.getWriteConcernError() != null) {
                throw e;
            }
        }
        return known;
    }

    @Override
    public Map<String, StoredRecord> findByIds(Collection<String> ids) {
        Map<String, StoredRecord> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (Document doc : collection().find(Filters.in(ID, ids))) {
            StoredRecord stored = AuditDocuments.decode(doc);
            found.put(stored.id(), stored);
        }
        return found;
    }

    @Override
    public List<StoredRecord> find(AuditFilter filter, long offset, int limit) {
        List<StoredRecord> page = new ArrayList<>(limit);
        collection().find(filterOf(filter)).sort(NEWEST_FIRST).skip(Math.toIntExact(offset)).limit(limit)
                .batchSize(Math.min(limit, BATCH)).forEach(doc -> page.add(AuditDocuments.decode(doc)));
        return page;
    }

    @Override
    public long count(AuditFilter filter) {
        return collection().countDocuments(filterOf(filter));
    }

    @Override
    public Stream<StoredRecord> stream(AuditFilter filter, long limit) {
        FindIterable<Document> found = collection().find(filterOf(filter)).sort(NEWEST_FIRST).batchSize(BATCH);
        if (limit < Integer.MAX_VALUE) {
            found = found.limit((int) limit);
        }
        return streamOf(found, AuditDocuments::decode);
    }

    @Override
    public Set<String> producers() {
        return distinctProducers(new Document());
    }

    @Override
    public Set<String> producersWithRecordsBefore(Instant horizon) {
        return distinctProducers(Filters.lt(AT, Date.from(horizon)));
    }

    @Override
    public Stream<AuditRecord> chain(String producer, long afterSequence) {
        return streamOf(collection().find(chainAfter(producer, afterSequence)).sort(CHAIN_ORDER).batchSize(BATCH),
                AuditDocuments::record);
    }

    @Override
    public List<AuditRecord> chainSlice(String producer, long afterSequence, int limit) {
        List<AuditRecord> slice = new ArrayList<>(limit);
        collection().find(chainAfter(producer, afterSequence)).sort(CHAIN_ORDER).limit(limit)
                .batchSize(Math.min(limit, BATCH)).forEach(doc -> slice.add(AuditDocuments.record(doc)));
        return slice;
    }

    @Override
    public long deleteThrough(String producer, long sequence) {
        return collection().deleteMany(Filters.and(Filters.eq(PRODUCER, producer), Filters.lte(SEQUENCE, sequence)))
                .getDeletedCount();
    }

    static Bson filterOf(AuditFilter filter) {
        List<Bson> conditions = new ArrayList<>();
        if (filter.subject() != null) {
            conditions.add(Filters.eq(SUBJECT, filter.subject()));
        }
        if (filter.producer() != null) {
            conditions.add(Filters.eq(PRODUCER, filter.producer()));
        }
        if (filter.caseId() != null) {
            conditions.add(Filters.eq(CASE_ID, filter.caseId()));
        }
        if (filter.action() != null) {
            conditions.add(Filters.eq(ACTION, filter.action()));
        }
        if (filter.outcome() != null) {
            conditions.add(Filters.eq(OUTCOME, filter.outcome().name()));
        }
        if (filter.from() != null) {
            conditions.add(Filters.gte(AT, Date.from(filter.from())));
        }
        if (filter.to() != null) {
            conditions.add(Filters.lt(AT, Date.from(filter.to())));
        }
        return conditions.isEmpty() ? new Document() : conditions.size() == 1 ? conditions.getFirst()
                : Filters.and(conditions);
    }

    private static Bson chainAfter(String producer, long afterSequence) {
        return Filters.and(Filters.eq(PRODUCER, producer), Filters.gt(SEQUENCE, afterSequence));
    }

    private Set<String> distinctProducers(Bson filter) {
        Set<String> producers = new HashSet<>();
        for (BsonValue producer : collection().distinct(PRODUCER, filter, BsonValue.class)) {
            if (producer != null && producer.isString()) {
                producers.add(producer.asString().getValue());
            }
        }
        return producers;
    }

    private static <T> Stream<T> streamOf(FindIterable<Document> found, Function<Document, T> decode) {
        MongoCursor<Document> cursor = found.iterator();
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(cursor,
                        Spliterator.ORDERED | Spliterator.NONNULL), false)
                .map(decode).onClose(cursor::close);
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
