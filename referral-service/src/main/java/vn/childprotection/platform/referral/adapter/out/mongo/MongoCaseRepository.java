package vn.childprotection.platform.referral.adapter.out.mongo;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import vn.childprotection.platform.access.QueryScope;
import vn.childprotection.platform.contracts.CaseStatus;
import vn.childprotection.platform.contracts.ReferralStatus;
import vn.childprotection.platform.referral.application.port.out.CaseFilter;
import vn.childprotection.platform.referral.application.port.out.CaseRepository.ClaimedOutbox;
import vn.childprotection.platform.referral.application.port.out.CaseRepository;
import vn.childprotection.platform.referral.domain.Case;
import vn.childprotection.platform.referral.domain.ListPage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@link CaseRepository} on MongoDB. Each method is one single-document operation: the insert writes the case and
 * its outbox together; the claim is one find-and-modify (returning the document as it was, to tell whether an
 * earlier attempt was left unfinished); the marking sets {@code outbox.<i>.publishedAt}, clears {@code outboxPending}
 * (or sets {@code outboxUncertain}) and releases the claim in one update, guarded by the claim token; a change
 * (agency response, watchdog) is one update guarded by {@code version} that pushes the messages it owes onto the
 * outbox.
 */
public final class MongoCaseRepository implements CaseRepository {

    private final MongoTemplate mongo;

    public MongoCaseRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The indexes the sweep, the response lookup, the watchdog and the scoped lists need. Idempotent; called once at start-up. */
    public void createIndexes() {
        mongo.indexOps(CaseDocument.class).createIndex(new Index()
                .on(CaseDocument.OUTBOX_PENDING, Sort.Direction.ASC)
                .on(CaseDocument.OPENED_AT, Sort.Direction.ASC)
                .named("outbox_pending_opened"));
        mongo.indexOps(CaseDocument.class).createIndex(new Index()
                .on(CaseDocument.REFERRALS + ".referralId", Sort.Direction.ASC)
                .named("referral_id"));
        mongo.indexOps(CaseDocument.class).createIndex(new Index()
                .on(CaseDocument.NEXT_WATCH_AT, Sort.Direction.ASC)
                .sparse()
                .named("next_watch_at"));
        // the scoped lists: a province's cases newest first, an agency unit's referrals
        mongo.indexOps(CaseDocument.class).createIndex(new Index()
                .on(CaseDocument.PROVINCE, Sort.Direction.ASC)
                .on(CaseDocument.OPENED_AT, Sort.Direction.DESC)
                .named("province_opened"));
        mongo.indexOps(CaseDocument.class).createIndex(new Index()
                .on(CaseDocument.REFERRAL_UNITS, Sort.Direction.ASC)
                .named("referral_unit"));
        // the retention job: closed cases by their closing time
        mongo.indexOps(CaseDocument.class).createIndex(new Index()
                .on(CaseDocument.CLOSED_AT, Sort.Direction.ASC)
                .sparse()
                .named("closed_at"));
    }

    @Override
    public boolean insertIfAbsent(Case newCase) {
        return insert(CaseDocument.of(newCase));
    }

    @Override
    public boolean insertClaimedIfAbsent(Case newCase, String owner, Instant leaseUntil) {
        return insert(CaseDocument.of(newCase).claimedBy(owner, leaseUntil));
    }

    private boolean insert(CaseDocument document) {
        try {
            mongo.insert(document);
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
    public Optional<Case> findById(String caseId, QueryScope scope) {
        Optional<Criteria> reach = ScopeCriteria.cases(scope, CaseDocument.REFERRAL_UNITS);
        if (reach.isEmpty()) {
            return Optional.empty();
        }
        Criteria id = where("_id").is(caseId);
        Query query = new Query(scope instanceof QueryScope.Everything ? id
                : new Criteria().andOperator(id, reach.get()));
        return Optional.ofNullable(mongo.findOne(query, CaseDocument.class)).map(CaseDocument::toDomain);
    }

    @Override
    public ListPage<Case> findCases(QueryScope scope, CaseFilter filter, int page, int size) {
        Optional<Criteria> reach = ScopeCriteria.cases(scope, CaseDocument.REFERRAL_UNITS);
        if (reach.isEmpty()) {
            return new ListPage<>(List.of(), page, size, 0);
        }
        List<Criteria> parts = new ArrayList<>(List.of(reach.get()));
        if (filter.status() != null) {
            parts.add(where(CaseDocument.STATUS).is(filter.status()));
        }
        if (filter.triageOnly()) {
            parts.add(where(CaseDocument.TRIAGE + ".required").is(true));
        }
        if (filter.escalatedOnly()) {
            parts.add(where(CaseDocument.ESCALATIONS + ".0").exists(true));
        }
        if (filter.communeCode() != null) {
            parts.add(where(CaseDocument.COMMUNE).is(filter.communeCode()));
        }
        if (filter.concern() != null) {
            parts.add(where(CaseDocument.CONCERNS).is(filter.concern()));
        }
        if (filter.openedFrom() != null) {
            parts.add(where(CaseDocument.OPENED_AT).gte(filter.openedFrom()));
        }
        if (filter.openedBefore() != null) {
            parts.add(where(CaseDocument.OPENED_AT).lt(filter.openedBefore()));
        }
        Query query = new Query(parts.size() == 1 ? parts.getFirst() : new Criteria().andOperator(parts));
        long total = mongo.count(query, CaseDocument.class);
        query.with(Sort.by(Sort.Direction.DESC, CaseDocument.OPENED_AT)).skip((long) page * size).limit(size);
        return new ListPage<>(mongo.find(query, CaseDocument.class).stream().map(CaseDocument::toDomain).toList(),
                page, size, total);
    }

    @Override
    public ListPage<ScopedReferral> findReferrals(QueryScope scope, ReferralStatus status, int page, int size) {
        Optional<Criteria> reach = ScopeCriteria.cases(scope, CaseDocument.REFERRAL_UNITS);
        if (reach.isEmpty()) {
            return new ListPage<>(List.of(), page, size, 0);
        }
        // cases in scope, one row per referral, the rows narrowed again to the scope's units (an agency sees only
        // its own referral of a case), then counted and paged in the store
        Criteria rows = new Criteria();
        if (scope instanceof QueryScope.AgencyUnits units) {
            rows = where(CaseDocument.REFERRAL_UNITS).regex(ScopeCriteria.unitPattern(units).orElseThrow());
        }
        if (status != null) {
            rows = rows.and(CaseDocument.REFERRALS + ".status").is(status);
        }
        List<AggregationOperation> scoped = List.of(Aggregation.match(reach.get()),
                Aggregation.unwind(CaseDocument.REFERRALS), Aggregation.match(rows));
        List<AggregationOperation> counting = new ArrayList<>(scoped);
        counting.add(Aggregation.group().count().as("total"));
        Document counted = mongo.aggregate(Aggregation.newAggregation(counting), CaseDocument.COLLECTION,
                Document.class).getUniqueMappedResult();
        long total = counted == null ? 0 : ((Number) counted.get("total")).longValue();
        List<AggregationOperation> paging = new ArrayList<>(scoped);
        paging.add(Aggregation.sort(Sort.by(Sort.Direction.DESC, CaseDocument.REFERRALS + ".issuedAt")
                .and(Sort.by(Sort.Direction.ASC, CaseDocument.REFERRALS + ".referralId"))));
        paging.add(Aggregation.skip((long) page * size));
        paging.add(Aggregation.limit(size));
        paging.add(Aggregation.project("_id").and(CaseDocument.REFERRALS + ".referralId").as("referralId"));
        List<Document> ids = mongo.aggregate(Aggregation.newAggregation(paging), CaseDocument.COLLECTION,
                Document.class).getMappedResults();
        Map<String, Case> owners = new HashMap<>();
        mongo.find(new Query(where("_id").in(ids.stream().map(id -> id.getString("_id")).distinct().toList())),
                CaseDocument.class).forEach(document -> owners.put(document.caseId(), document.toDomain()));
        List<ScopedReferral> items = new ArrayList<>();
        for (Document id : ids) {
            Case owner = owners.get(id.getString("_id"));
            if (owner != null) {
                owner.referrals().stream().filter(r -> r.referralId().equals(id.getString("referralId")))
                        .findFirst().ifPresent(referral -> items.add(new ScopedReferral(owner, referral)));
            }
        }
        return new ListPage<>(items, page, size, total);
    }

    @Override
    public Optional<Case> findByReferralId(String referralId) {
        return Optional.ofNullable(mongo.findOne(new Query(where(CaseDocument.REFERRALS + ".referralId")
                .is(referralId)), CaseDocument.class)).map(CaseDocument::toDomain);
    }

    @Override
    public boolean update(Case before, Case after) {
        if (after.outbox().size() < before.outbox().size()) {
            throw new IllegalArgumentException("a change may only append to the outbox");
        }
        CaseDocument next = CaseDocument.of(after);
        Update update = new Update()
                .set(CaseDocument.STATUS, next.status())
                .set(CaseDocument.REFERRALS, next.referrals())
                .set(CaseDocument.TRIAGE, next.triage())
                .set(CaseDocument.APPLIED_RESPONSES, next.appliedResponses())
                .set(CaseDocument.VERSION, before.version() + 1);
        if (next.nextWatchAt() == null) {
            update.unset(CaseDocument.NEXT_WATCH_AT);
        } else {
            update.set(CaseDocument.NEXT_WATCH_AT, next.nextWatchAt());
        }
        if (next.closedAt() == null) {
            update.unset(CaseDocument.CLOSED_AT);
        } else {
            update.set(CaseDocument.CLOSED_AT, next.closedAt());
        }
        List<CaseDocument.OutboxDoc> appended = next.outbox().subList(before.outbox().size(), next.outbox().size());
        if (!appended.isEmpty()) {
            update.push(CaseDocument.OUTBOX).each(appended.toArray());
            update.set(CaseDocument.OUTBOX_PENDING, true);
        }
        return mongo.updateFirst(new Query(atVersion(before.caseId(), before.version())), update, CaseDocument.class)
                .getMatchedCount() == 1;
    }

    /**
     * The personal fields replaced, each copy in the outbox that carried personal data replaced by its payload
     * without it ({@code outbox.<i>.payload}: the relay's marking of {@code publishedAt} is left alone), and the
     * {@code PersonalDataErased} message set at the next position of the array (which the version guard keeps where
     * it was read: only a versioned change appends).
     */
    @Override
    public boolean erase(Case before, Case after, QueryScope scope) {
        if (after.outbox().size() != before.outbox().size() + 1 || after.erasure() == null) {
            throw new IllegalArgumentException("an erasure appends exactly its own message and records itself");
        }
        Optional<Criteria> reach = ScopeCriteria.cases(scope, CaseDocument.REFERRAL_UNITS);
        if (reach.isEmpty()) {
            return false;
        }
        CaseDocument next = CaseDocument.of(after);
        Update update = new Update()
                .set(CaseDocument.REFERRALS, next.referrals())
                .set(CaseDocument.ERASURE, next.erasure())
                .set(CaseDocument.OUTBOX_PENDING, true)
                .set(CaseDocument.VERSION, before.version() + 1)
                .unset(CaseDocument.NARRATIVE);
        setOrUnset(update, CaseDocument.CHILD, next.child());
        setOrUnset(update, CaseDocument.REPORTER, next.reporter());
        for (int i = 0; i < before.outbox().size(); i++) {
            if (!before.outbox().get(i).payload().equals(after.outbox().get(i).payload())) {
                update.set(CaseDocument.OUTBOX + "." + i + ".payload", after.outbox().get(i).payload());
            }
        }
        update.set(CaseDocument.OUTBOX + "." + before.outbox().size(), next.outbox().getLast());
        Criteria guarded = atVersion(before.caseId(), before.version());
        Query query = new Query(scope instanceof QueryScope.Everything ? guarded
                : new Criteria().andOperator(guarded, reach.get()));
        return mongo.updateFirst(query, update, CaseDocument.class).getMatchedCount() == 1;
    }

    private static void setOrUnset(Update update, String field, Object value) {
        if (value == null) {
            update.unset(field);
        } else {
            update.set(field, value);
        }
    }

    @Override
    public List<String> findRetentionDue(Instant cutoff, int limit) {
        Criteria closedByStatus = new Criteria().andOperator(where(CaseDocument.CLOSED_AT).exists(false),
                where(CaseDocument.STATUS).in(CaseStatus.RECORDED, CaseStatus.COMPLETED, CaseStatus.CLOSED),
                where(CaseDocument.OPENED_AT).lte(cutoff));
        Query due = new Query(new Criteria().andOperator(where(CaseDocument.ERASURE).exists(false),
                new Criteria().orOperator(where(CaseDocument.CLOSED_AT).lte(cutoff), closedByStatus)))
                .with(Sort.by(Sort.Direction.ASC, CaseDocument.CLOSED_AT))
                .limit(limit);
        due.fields().include("_id");
        return mongo.find(due, Document.class, CaseDocument.COLLECTION).stream()
                .map(doc -> doc.getString("_id"))
                .toList();
    }

    @Override
    public List<String> findDueForWatch(Instant now, int limit) {
        Query due = new Query(where(CaseDocument.NEXT_WATCH_AT).lte(now))
                .with(Sort.by(Sort.Direction.ASC, CaseDocument.NEXT_WATCH_AT))
                .limit(limit);
        due.fields().include("_id");
        return mongo.find(due, org.bson.Document.class, CaseDocument.COLLECTION).stream()
                .map(doc -> doc.getString("_id"))
                .toList();
    }

    /**
     * The find-and-modify returns the document as it was BEFORE the claim: a lease owner still set there (its lease
     * expired, or the case could not be claimed) is an attempt that never reached its marking, and
     * {@code outboxUncertain} one that ended with messages failed or unsent. The claim changes only the lease fields,
     * so the case itself is the same before and after.
     */
    @Override
    public Optional<ClaimedOutbox> claimOutbox(String caseId, String owner, Instant now, Instant leaseUntil) {
        Query claimable = new Query(where("_id").is(caseId).and(CaseDocument.OUTBOX_PENDING).is(true)
                .orOperator(leaseFree(now)));
        Update claim = new Update().set(CaseDocument.LEASE_OWNER, owner).set(CaseDocument.LEASE_UNTIL, leaseUntil);
        CaseDocument before = mongo.findAndModify(claimable, claim, FindAndModifyOptions.options().returnNew(false),
                CaseDocument.class);
        if (before == null) {
            return Optional.empty();
        }
        boolean unfinished = before.leaseOwner() != null || Boolean.TRUE.equals(before.outboxUncertain());
        return Optional.of(new ClaimedOutbox(before.toDomain(), unfinished));
    }

    @Override
    public boolean completeOutbox(String caseId, String owner, Set<Integer> positions,
                                  Map<Integer, String> keptPayloads, Instant publishedAt, boolean allPublished,
                                  long claimedVersion) {
        if (allPublished) {
            // nothing appended since the claim (same version): the outbox is empty now
            Query unchanged = new Query(atVersion(caseId, claimedVersion).and(CaseDocument.LEASE_OWNER).is(owner));
            if (mongo.updateFirst(unchanged, marking(positions, keptPayloads, publishedAt, true)
                    .set(CaseDocument.OUTBOX_PENDING, false), CaseDocument.class).getMatchedCount() == 1) {
                return true;
            }
        }
        // changed since the claim (or not all published): mark what went out, leave outboxPending for the sweep
        Query held = new Query(where("_id").is(caseId).and(CaseDocument.LEASE_OWNER).is(owner));
        return mongo.updateFirst(held, marking(positions, keptPayloads, publishedAt, allPublished),
                CaseDocument.class).getMatchedCount() == 1;
    }

    /**
     * Marks, releases the claim and records whether this attempt settled everything it claimed: if not, some of the
     * messages left pending may be on their topics and the next claim must check first.
     */
    private static Update marking(Set<Integer> positions, Map<Integer, String> keptPayloads, Instant publishedAt,
                                  boolean allPublished) {
        Update update = new Update();
        positions.forEach(i -> update.set(CaseDocument.OUTBOX + "." + i + ".publishedAt", publishedAt));
        keptPayloads.forEach((i, payload) -> {
            if (positions.contains(i)) {
                update.set(CaseDocument.OUTBOX + "." + i + ".payload", payload);
            }
        });
        if (allPublished) {
            update.unset(CaseDocument.OUTBOX_UNCERTAIN);
        } else {
            update.set(CaseDocument.OUTBOX_UNCERTAIN, true);
        }
        return update.unset(CaseDocument.LEASE_OWNER).unset(CaseDocument.LEASE_UNTIL);
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

    /** The case at a version; version 0 also matches a document written before versions existed. */
    private static Criteria atVersion(String caseId, long version) {
        Criteria id = where("_id").is(caseId);
        return version == 0
                ? id.orOperator(where(CaseDocument.VERSION).is(0L), where(CaseDocument.VERSION).exists(false))
                : id.and(CaseDocument.VERSION).is(version);
    }

    private static Criteria[] leaseFree(Instant now) {
        return new Criteria[]{where(CaseDocument.LEASE_UNTIL).is(null), where(CaseDocument.LEASE_UNTIL).lt(now)};
    }
}
