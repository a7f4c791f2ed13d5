package vn.childprotection.platform.notification.adapter.out.mongo;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import vn.childprotection.platform.notification.application.port.out.NotificationRepository;
import vn.childprotection.platform.notification.domain.Notification;

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
        indexes.createIndex(new Index().on("agency", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.ASC).named("agency_status_created"));
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
    public Page find(NotificationRepository.Query filter, PageRequest page) {
        Criteria criteria = new Criteria();
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
