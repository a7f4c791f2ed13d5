package vn.childprotection.platform.intake.adapter.out.mongo;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Readiness of the report log: one {@code ping} on the intake database. Replaces Boot's Mongo health check, which
 * sends {@code hello} (not answered by the development stand-in).
 */
public final class ReportLogHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    public ReportLogHealthIndicator(MongoTemplate mongo) {
        super("report log health check failed");
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
