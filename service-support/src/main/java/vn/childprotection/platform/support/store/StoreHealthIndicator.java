package vn.childprotection.platform.support.store;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Readiness of a service's store: one {@code ping} on the service's own database. Replaces Spring Boot's
 * {@code MongoHealthIndicator}, which in Boot 4.0/4.1 sends {@code hello} to every database the user can list
 * (spring-boot#50727: DOWN for a user without rights on the system databases) and which the test stand-in lacks.
 * The store stand-in answers {@code ping} with an error once it cannot commit, so this goes DOWN then too.
 */
public final class StoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    public StoreHealthIndicator(MongoTemplate mongo) {
        super("store health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        if (answer.get("ok") instanceof Number ok && ok.doubleValue() == 1.0) {
            builder.up().withDetail("database", mongo.getDb().getName());
        } else {
            builder.down();
        }
    }
}
