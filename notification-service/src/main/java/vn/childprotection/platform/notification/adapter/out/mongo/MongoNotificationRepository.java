package vn.childprotection.platform.notification.adapter.out.mongo;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import vn.childprotection.platform.access.QueryScope;
import vn.childprotection.platform.notification.application.port.out.NotificationRepository;
import vn.childprotection.platform.notification.domain.DeliveryChannel;
import vn.childprotection.platform.notification.domain.Notification;
import vn.childprotection.platform.notification.domain.NotificationStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link NotificationRepository} on MongoDB: the deterministic id is the {@code _id}; a duplicate key = seen. */
public final class MongoNotificationRepository implements NotificationRepository {

    private final MongoTemplate mongo;

    public MongoNotificationRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The indexes the API's filters need. Idempotent; called once at start-up. */
    public void createIndexes() {
        IndexOperations indexes = mongo.indexOps(NotificationDocument.class);
        indexes.createIndex(new Index().on("caseId", Sort.Direction.ASC).on("createdAt", Sort.Direction.ASC)
                .named("case_created"));
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("leaseUntil", Sort.Direction.ASC)
                .named("status_lease"));
        indexes.createIndex(new Index().on("announcePending", Sort.Direction.ASC).on("updatedAt", Sort.Direction.ASC)
                .named("announce_pending"));
        indexes.createIndex(new Index().on("agency", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.ASC).named("agency_status_created"));
        // a coordinator's list: its provinces' notifications, oldest first
        indexes.createIndex(new Index().on("province", Sort.Direction.ASC).on("createdAt", Sort.Direction.ASC)
                .named("province_created"));
    }

    @Override
    public Optional<Notification> findById(String notificationId) {
        return Optional.ofNullable(mongo.findById(notificationId, NotificationDocument.class))
                .map(NotificationDocument::toDomain);
    }

    @Override
    public boolean insertIfAbsent(Notification notification) {
        try {
            mongo.insert(NotificationDocument.of(notification));
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    @Override
    public void update(Notification notification) {
        mongo.save(NotificationDocument.of(notification));
    }

    @Override
    public Optional<Notification> claimPending(String notificationId, Instant now, Instant leaseUntil) {
        // _id first: the store serves it by the _id index (the local stand-in included) and checks the rest on the one
        // document; findAndModify is atomic on it, so a notification another dispatcher leased is left alone
        var free = new org.springframework.data.mongodb.core.query.Query(Criteria.where("_id").is(notificationId)
                .and("status").is(NotificationStatus.PENDING.name()).and("leaseUntil").lte(now)
                .and("channel").ne(DeliveryChannel.RECORDED.name()));
        NotificationDocument claimed = mongo.findAndModify(free, new Update().set("leaseUntil", leaseUntil),
                FindAndModifyOptions.options().returnNew(true), NotificationDocument.class);
        return Optional.ofNullable(claimed).map(NotificationDocument::toDomain);
    }

    @Override
    public List<String> duePending(Instant now, int limit) {
        var due = new org.springframework.data.mongodb.core.query.Query(Criteria.where("status")
                .is(NotificationStatus.PENDING.name()).and("leaseUntil").lte(now)
                .and("channel").ne(DeliveryChannel.RECORDED.name()))
                .with(Sort.by(Sort.Order.asc("leaseUntil"))).limit(limit);
        due.fields().include("_id");
        return mongo.find(due, org.bson.Document.class, NotificationDocument.COLLECTION).stream()
                .map(d -> String.valueOf(d.get("_id"))).toList();
    }

    @Override
    public void reschedule(Notification notification, Instant notBefore) {
        mongo.save(NotificationDocument.of(notification, notBefore));
    }

    @Override
    public List<Notification> unannounced(int limit) {
        var query = new org.springframework.data.mongodb.core.query.Query(Criteria.where("announcePending").is(true))
                .with(Sort.by(Sort.Order.asc("updatedAt"))).limit(limit);
        return mongo.find(query, NotificationDocument.class).stream().map(NotificationDocument::toDomain).toList();
    }

    @Override
    public void markAnnounced(String notificationId) {
        mongo.updateFirst(new org.springframework.data.mongodb.core.query.Query(Criteria.where("_id").is(notificationId)),
                new Update().set("announcePending", false), NotificationDocument.class);
    }

    @Override
    public Page find(QueryScope scope, NotificationRepository.Query filter, PageRequest page) {
        Criteria criteria = switch (scope) {
            case QueryScope.Everything ignored -> new Criteria();
            case QueryScope.Provinces(var codes) -> Criteria.where("province").in(codes);
            default -> null;
        };
        if (criteria == null) {
            return new Page(List.of(), page.page(), page.size(), 0);
        }
        if (filter.caseId() != null) {
            criteria = criteria.and("caseId").is(filter.caseId());
        }
        if (filter.agency() != null) {
            criteria = criteria.and("agency").is(filter.agency());
        }
        if (filter.status() != null) {
            criteria = criteria.and("status").is(filter.status().name());
        }
        var query = new org.springframework.data.mongodb.core.query.Query(criteria);
        long total = mongo.count(query, NotificationDocument.class);
        query.with(Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("_id")))
                .skip(page.offset())
                .limit(page.size());
        return new Page(mongo.find(query, NotificationDocument.class).stream()
                .map(NotificationDocument::toDomain).toList(), page.page(), page.size(), total);
    }
}
