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
 * caseId, status, acceptedAt. The unique {@code _id} settles concurrent first submissions of one report.
 * Nothing personal is stored.
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
        try {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(reportId.toString())),
                    new Update().set("status", ReportRecord.Status.PUBLISHED.name()).set("publishedAt", new Date()),
                    COLLECTION);
        } catch (DataAccessException | com.mongodb.MongoException e) {
            throw new StoreUnavailableException("report log unavailable", e);
        }
    }

    private static Document toDocument(ReportRecord record) {
        return new Document("_id", record.reportId().toString())
                .append("fingerprint", record.fingerprint())
                .append("caseId", record.caseId())
                .append("status", record.status().name())
                .append("acceptedAt", Date.from(record.acceptedAt()));
    }

    private static ReportRecord fromDocument(Document document) {
        Instant acceptedAt = document.getDate("acceptedAt").toInstant();
        return new ReportRecord(UUID.fromString(document.getString("_id")), document.getString("fingerprint"),
                document.getString("caseId"), ReportRecord.Status.valueOf(document.getString("status")), acceptedAt);
    }
}
