package vn.childprotection.platform.reporting.adapter.out.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.childprotection.platform.reporting.application.port.out.FactStore;
import vn.childprotection.platform.reporting.application.port.out.Revisioned;
import vn.childprotection.platform.reporting.domain.Areas;
import vn.childprotection.platform.reporting.domain.CaseContext;
import vn.childprotection.platform.reporting.domain.CaseFact;
import vn.childprotection.platform.reporting.domain.NotificationFact;
import vn.childprotection.platform.reporting.domain.ReferralFact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Facts in MongoDB, one set of collections per generation ({@code case_facts_g<N>}, {@code referral_facts_g<N>},
 * {@code notification_facts_g<N>}). Every live write touches one document (no multi-document transactions, which
 * the stand-in lacks): inserts rely on the unique {@code _id}, replacements are compare-and-set on {@code revision}.
 * A rebuild writes with unordered {@code insertMany} in batches.
 */
public class MongoFactStore implements FactStore {

    public static final String PROCESSED_EVENTS = "processed_events";
    static final int BATCH = 2_000;

    private final MongoTemplate mongo;
    private final Areas areas;

    /** @param areas places the case facts read back on the map of their day */
    public MongoFactStore(MongoTemplate mongo, Areas areas) {
        this.mongo = mongo;
        this.areas = areas;
    }

    public static String cases(long generation) {
        return "case_facts_g" + generation;
    }

    public static String referrals(long generation) {
        return "referral_facts_g" + generation;
    }

    public static String notifications(long generation) {
        return "notification_facts_g" + generation;
    }

    @Override
    public void prepare(long generation) {
        for (String collection : List.of(cases(generation), referrals(generation))) {
            MongoCollection<Document> c = mongo.getCollection(collection);
            c.createIndex(Indexes.ascending("receivedDate"));
            c.createIndex(Indexes.ascending("provinceCode", "receivedDate"));
        }
        mongo.getCollection(referrals(generation)).createIndex(Indexes.ascending("caseId"));
        mongo.getCollection(notifications(generation)).createIndex(Indexes.ascending("caseId"));
        mongo.getCollection(PROCESSED_EVENTS).createIndex(Indexes.ascending("caseId"), new IndexOptions());
    }

    @Override
    public void drop(long generation) {
        for (String collection : List.of(cases(generation), referrals(generation), notifications(generation))) {
            if (mongo.collectionExists(collection)) {
                mongo.dropCollection(collection);
            }
        }
    }

    @Override
    public Optional<Revisioned<CaseFact>> findCase(long generation, String caseId) {
        return find(cases(generation), caseId, document -> FactCodec.decodeCase(document, areas));
    }

    @Override
    public boolean saveCase(long generation, CaseFact fact, Optional<Long> expectedRevision) {
        return compareAndSet(cases(generation), fact.caseId(), expectedRevision, r -> FactCodec.encode(fact, r));
    }

    @Override
    public Optional<Revisioned<ReferralFact>> findReferral(long generation, String referralId) {
        return find(referrals(generation), referralId, FactCodec::decodeReferral);
    }

    @Override
    public boolean saveReferral(long generation, ReferralFact fact, Optional<Long> expectedRevision) {
        return compareAndSet(referrals(generation), fact.referralId(), expectedRevision,
                r -> FactCodec.encode(fact, r));
    }

    @Override
    public void attachCaseContext(long generation, String caseId, CaseContext context) {
        mongo.getCollection(referrals(generation)).updateMany(Filters.eq("caseId", caseId), Updates.combine(
                Updates.set("provinceCode", context.provinceCode()),
                Updates.set("districtCode", context.districtCode()),
                Updates.set("receivedAt", Codes.date(context.receivedAt())),
                Updates.set("receivedDate", context.receivedDate() == null ? null
                        : context.receivedDate().toString()),
                Updates.set("contactType", Codes.name(context.contactType())),
                Updates.inc("revision", 1)));
    }

    @Override
    public boolean saveNotification(long generation, NotificationFact fact) {
        try {
            mongo.getCollection(notifications(generation)).insertOne(FactCodec.encode(fact));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void insertAll(long generation, Collection<CaseFact> caseFacts, Collection<ReferralFact> referralFacts,
                          Collection<NotificationFact> notificationFacts) {
        insertInBatches(cases(generation), caseFacts, CaseFact::caseId, f -> FactCodec.encode(f, 1L));
        insertInBatches(referrals(generation), referralFacts, ReferralFact::referralId, f -> FactCodec.encode(f, 1L));
        insertInBatches(notifications(generation), notificationFacts, NotificationFact::eventId, FactCodec::encode);
    }

    @Override
    public void recordProcessed(ProcessedEvent event) {
        mongo.getCollection(PROCESSED_EVENTS).updateOne(Filters.eq("_id", event.eventId()), Updates.combine(
                Updates.setOnInsert("eventType", event.eventType()),
                Updates.setOnInsert("caseId", event.caseId()),
                Updates.setOnInsert("occurredAt", Codes.date(event.occurredAt())),
                Updates.setOnInsert("firstOutcome", event.outcome()),
                Updates.setOnInsert("firstProcessedAt", Codes.date(event.processedAt())),
                Updates.set("lastOutcome", event.outcome()),
                Updates.set("lastProcessedAt", Codes.date(event.processedAt())),
                Updates.inc("deliveries", 1)), new UpdateOptions().upsert(true));
    }

    /**
     * In {@code _id} order: each batch then extends the {@code _id} index at its end instead of touching pages all
     * over it (the stand-in's B-tree re-serialises every page a batch touched). The facts are sorted, not their
     * documents: only one batch of documents is held at a time.
     */
    private <T> void insertInBatches(String collection, Collection<T> facts, Function<T, String> idOf,
                                     Function<T, Document> encode) {
        MongoCollection<Document> target = mongo.getCollection(collection);
        List<T> inIdOrder = new ArrayList<>(facts);
        inIdOrder.sort(Comparator.comparing(idOf));
        List<Document> batch = new ArrayList<>(BATCH);
        for (T fact : inIdOrder) {
            batch.add(encode.apply(fact));
            if (batch.size() == BATCH) {
                target.insertMany(batch, new InsertManyOptions().ordered(false));
                batch = new ArrayList<>(BATCH);
            }
        }
        if (!batch.isEmpty()) {
            target.insertMany(batch, new InsertManyOptions().ordered(false));
        }
    }

    private <F> Optional<Revisioned<F>> find(String collection, String id, Function<Document, F> decode) {
        Document doc = mongo.getCollection(collection).find(Filters.eq("_id", id)).first();
        if (doc == null) {
            return Optional.empty();
        }
        Number revision = doc.get("revision", Number.class);
        return Optional.of(new Revisioned<>(decode.apply(doc), revision == null ? 0 : revision.longValue()));
    }

    private boolean compareAndSet(String collection, String id, Optional<Long> expectedRevision,
                                  java.util.function.LongFunction<Document> document) {
        MongoCollection<Document> target = mongo.getCollection(collection);
        if (expectedRevision.isEmpty()) {
            try {
                target.insertOne(document.apply(1L));
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        }
        long expected = expectedRevision.get();
        return target.replaceOne(Filters.and(Filters.eq("_id", id), Filters.eq("revision", expected)),
                document.apply(expected + 1)).getMatchedCount() == 1;
    }
}
