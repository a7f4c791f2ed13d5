package vn.childprotection.platform.intake.adapter.out.mongo;

import org.bson.Document;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import vn.childprotection.platform.intake.application.port.out.ReportLog;
import vn.childprotection.platform.intake.domain.ReportRecord;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * The report log in the {@code reports} collection of the intake database: {@code _id} = reportId, fingerprint,
 * caseId, status (PENDING, PUBLISHED), acceptedAt (the event's occurredAt, millisecond precision), createdAt,
 * updatedAt and publishedAt. The unique {@code _id} settles concurrent first submissions of one report: the loser
 * of the race gets a duplicate key, re-reads and compares fingerprints. Nothing personal is stored: no names,
 * phones or narrative, only the fingerprint of the report.
 */
public final class MongoReportLog implements ReportLog {

    static final String COLLECTION = "reports";

    private final MongoTemplate mongo;

    public MongoReportLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Stored recordIfAbsent(ReportRecord candidate) {
        try {
            try {
                mongo.insert(toDocument(candidate), COLLECTION);
                return new Stored(candidate, false);
            } catch (DuplicateKeyException alreadyThere) {
                Document existing = mongo.findById(candidate.reportId().toString(), Document.class, COLLECTION);
                if (existing == null) {
                    throw new StoreUnavailableException("report " + candidate.reportId() + " vanished", alreadyThere);
                }
                return new Stored(fromDocument(existing), true);
            }
        } catch (DataAccessException | com.mongodb.MongoException e) {
            throw new StoreUnavailableException("report log unavailable", e);
        }
    }

    @Override
    public void markPublished(UUID reportId) {
        Date now = new Date();
        try {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(reportId.toString())),
                    new Update().set("status", ReportRecord.Status.PUBLISHED.name())
                            .set("publishedAt", now).set("updatedAt", now),
                    COLLECTION);
        } catch (DataAccessException | com.mongodb.MongoException e) {
            throw new StoreUnavailableException("report log unavailable", e);
        }
    }

    private static Document toDocument(ReportRecord record) {
        Date now = new Date();
        return new Document("_id", record.reportId().toString())
                .append("fingerprint", record.fingerprint())
                .append("caseId", record.caseId())
                .append("status", record.status().name())
                .append("acceptedAt", Date.from(record.acceptedAt()))
                .append("createdAt", now)
                .append("updatedAt", now);
    }

    private static ReportRecord fromDocument(Document document) {
        Instant acceptedAt = document.getDate("acceptedAt").toInstant();
        return new ReportRecord(UUID.fromString(document.getString("_id")), document.getString("fingerprint"),
                document.getString("caseId"), ReportRecord.Status.valueOf(document.getString("status")), acceptedAt);
    }
}
