package vn.childprotection.platform.reporting.adapter.out.mongo;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import vn.childprotection.platform.reporting.application.port.out.FactStore;
import vn.childprotection.platform.reporting.application.port.out.Revisioned;
import vn.childprotection.platform.reporting.domain.CaseContext;
import vn.childprotection.platform.reporting.domain.CaseFact;
import vn.childprotection.platform.reporting.domain.ReferralFact;

import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Facts in MongoDB. Every write touches one document (no multi-document transactions, which the stand-in lacks):
 * inserts rely on the unique {@code _id}, replacements are compare-and-set on {@code revision}.
 */
public class MongoFactStore implements FactStore {

    public static final String PROCESSED_EVENTS = "processed_events";

    private final MongoTemplate mongo;

    public MongoFactStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The indexes the overview filters use (reception date, province) and the referral-by-case lookup. */
    public void createIndexes() {
        for (String collection : new String[]{CaseFactDocument.COLLECTION, ReferralFactDocument.COLLECTION}) {
            mongo.indexOps(collection).createIndex(new Index().on("receivedDate", Sort.Direction.ASC));
            mongo.indexOps(collection).createIndex(new Index()
                    .on("provinceCode", Sort.Direction.ASC).on("receivedDate", Sort.Direction.ASC));
        }
        mongo.indexOps(ReferralFactDocument.COLLECTION).createIndex(new Index().on("caseId", Sort.Direction.ASC));
    }

    @Override
    public Optional<Revisioned<CaseFact>> findCase(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, CaseFactDocument.class))
                .map(doc -> new Revisioned<>(doc.toFact(), doc.revision()));
    }

    @Override
    public boolean saveCase(CaseFact fact, Optional<Long> expectedRevision) {
        return compareAndSet(fact.caseId(), expectedRevision,
                revision -> CaseFactDocument.of(fact, revision), CaseFactDocument.class);
    }

    @Override
    public Optional<Revisioned<ReferralFact>> findReferral(String referralId) {
        return Optional.ofNullable(mongo.findById(referralId, ReferralFactDocument.class))
                .map(doc -> new Revisioned<>(doc.toFact(), doc.revision()));
    }

    @Override
    public boolean saveReferral(ReferralFact fact, Optional<Long> expectedRevision) {
        return compareAndSet(fact.referralId(), expectedRevision,
                revision -> ReferralFactDocument.of(fact, revision), ReferralFactDocument.class);
    }

    @Override
    public void attachCaseContext(String caseId, CaseContext context) {
        Update update = new Update()
                .set("provinceCode", context.provinceCode())
                .set("receivedAt", context.receivedAt())
                .set("receivedDate", Codes.date(context.receivedDate()))
                .set("contactType", Codes.name(context.contactType()))
                .inc("revision", 1);
        mongo.updateMulti(Query.query(where("caseId").is(caseId)), update, ReferralFactDocument.class);
    }

    @Override
    public void recordProcessed(ProcessedEvent event) {
        Update update = new Update()
                .setOnInsert("eventType", event.eventType())
                .setOnInsert("caseId", event.caseId())
                .setOnInsert("occurredAt", event.occurredAt())
                .setOnInsert("firstOutcome", event.outcome())
                .setOnInsert("firstProcessedAt", event.processedAt())
                .set("lastOutcome", event.outcome())
                .set("lastProcessedAt", event.processedAt())
                .inc("deliveries", 1);
        mongo.upsert(Query.query(where("_id").is(event.eventId())), update, PROCESSED_EVENTS);
    }

    private <D> boolean compareAndSet(String id, Optional<Long> expectedRevision,
                                      java.util.function.LongFunction<D> document, Class<D> type) {
        if (expectedRevision.isEmpty()) {
            try {
                mongo.insert(document.apply(1L));
                return true;
            } catch (DuplicateKeyException concurrentInsert) {
                return false;
            }
        }
        long expected = expectedRevision.get();
        Query current = Query.query(where("_id").is(id).and("revision").is(expected));
        return mongo.replace(current, document.apply(expected + 1)).getMatchedCount() == 1;
    }
}
