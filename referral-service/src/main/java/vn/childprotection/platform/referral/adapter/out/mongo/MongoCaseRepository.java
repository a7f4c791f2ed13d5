package vn.childprotection.platform.referral.adapter.out.mongo;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import vn.childprotection.platform.referral.application.port.out.CaseRepository;
import vn.childprotection.platform.referral.domain.Case;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@link CaseRepository} on MongoDB. Each method is one single-document operation: the insert writes the case and
 * its outbox together; the claim is one find-and-modify; the marking sets {@code outbox.<i>.publishedAt}, clears
 * {@code outboxPending} and releases the claim in one update, guarded by the claim token.
 */
public final class MongoCaseRepository implements CaseRepository {

    private final MongoTemplate mongo;

    public MongoCaseRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The index the sweep needs. Idempotent; called once at start-up. */
    public void createIndexes() {
        mongo.indexOps(CaseDocument.class).createIndex(new Index()
                .on(CaseDocument.OUTBOX_PENDING, Sort.Direction.ASC)
                .on(CaseDocument.OPENED_AT, Sort.Direction.ASC)
                .named("outbox_pending_opened"));
    }

    @Override
    public boolean insertIfAbsent(Case newCase) {
        try {
            mongo.insert(CaseDocument.of(newCase));
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    @Override
    public Optional<Case> findById(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, CaseDocument.class)).map(CaseDocument::toDomain);
    }

    @Override
    public Optional<Case> claimOutbox(String caseId, String owner, Instant now, Instant leaseUntil) {
        Query claimable = new Query(where("_id").is(caseId).and(CaseDocument.OUTBOX_PENDING).is(true)
                .orOperator(leaseFree(now)));
        Update claim = new Update().set(CaseDocument.LEASE_OWNER, owner).set(CaseDocument.LEASE_UNTIL, leaseUntil);
        return Optional.ofNullable(mongo.findAndModify(claimable, claim,
                        FindAndModifyOptions.options().returnNew(true), CaseDocument.class))
                .map(CaseDocument::toDomain);
    }

    @Override
    public boolean completeOutbox(String caseId, String owner, Set<Integer> positions, Instant publishedAt,
                                  boolean allPublished) {
        Query held = new Query(where("_id").is(caseId).and(CaseDocument.LEASE_OWNER).is(owner));
        Update update = new Update();
        positions.forEach(i -> update.set(CaseDocument.OUTBOX + "." + i + ".publishedAt", publishedAt));
        if (allPublished) {
            update.set(CaseDocument.OUTBOX_PENDING, false);
        }
        update.unset(CaseDocument.LEASE_OWNER).unset(CaseDocument.LEASE_UNTIL);
        return mongo.updateFirst(held, update, CaseDocument.class).getMatchedCount() == 1;
    }

    @Override
    public List<String> findPendingOutbox(Instant now, int limit) {
        Query pending = new Query(where(CaseDocument.OUTBOX_PENDING).is(true).orOperator(leaseFree(now)))
                .with(Sort.by(Sort.Direction.ASC, CaseDocument.OPENED_AT))
                .limit(limit);
        pending.fields().include("_id");
        return mongo.find(pending, org.bson.Document.class, CaseDocument.COLLECTION).stream()
                .map(doc -> doc.getString("_id"))
                .toList();
    }

    @Override
    public long countPendingOutbox() {
        return mongo.count(new Query(where(CaseDocument.OUTBOX_PENDING).is(true)), CaseDocument.class);
    }

    private static Criteria[] leaseFree(Instant now) {
        return new Criteria[]{where(CaseDocument.LEASE_UNTIL).is(null), where(CaseDocument.LEASE_UNTIL).lt(now)};
    }
}
