package vn.childprotection.platform.referral.adapter.out.mongo;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Readiness of the case store: one {@code ping} on the service's own database. Replaces Boot's
 * {@code MongoHealthIndicator}, which in Boot 4.0/4.1 sends {@code hello} to every database the user can list
 * (spring-boot#50727) and which the test stand-in lacks.
 */
public final class CaseStoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    public CaseStoreHealthIndicator(MongoTemplate mongo) {
        super("case store health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        Object ok = answer.get("ok");
        if (ok instanceof Number number && number.doubleValue() == 1.0) {
            builder.up().withDetail("database", mongo.getDb().getName());
        } else {
            builder.down();
        }
    }
}
