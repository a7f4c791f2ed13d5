package vn.childprotection.platform.audit.adapter.out.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.childprotection.platform.access.audit.AuditChainVerifier.Broken;
import vn.childprotection.platform.access.audit.AuditChainVerifier.Problem;
import vn.childprotection.platform.audit.application.port.out.PurgeMarkers;
import vn.childprotection.platform.audit.domain.ChainAnchor;
import vn.childprotection.platform.audit.domain.PurgeMarker;

import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code audit_purges}: one document per producer whose chain retention has shortened, {@code _id} the producer. A
 * marker is replaced only by one further along the chain (a compare on {@code sequence}), so purges running at once
 * never move it back.
 */
public final class MongoPurgeMarkers implements PurgeMarkers {

    public static final String COLLECTION = "audit_purges";

    private final MongoTemplate mongo;

    public MongoPurgeMarkers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<PurgeMarker> find(String producer) {
        return Optional.ofNullable(collection().find(Filters.eq("_id", producer)).first())
                .map(MongoPurgeMarkers::decode);
    }

    @Override
    public Map<String, PurgeMarker> find(Collection<String> producers) {
        Map<String, PurgeMarker> found = new HashMap<>();
        if (producers.isEmpty()) {
            return found;
        }
        for (Document doc : collection().find(Filters.in("_id", producers))) {
            PurgeMarker marker = decode(doc);
            found.put(marker.producer(), marker);
        }
        return found;
    }

    @Override
    public Set<String> producers() {
        Set<String> producers = new HashSet<>();
        for (Document doc : collection().find().projection(new Document("_id", 1))) {
            producers.add(doc.getString("_id"));
        }
        return producers;
    }

    @Override
    public void advance(PurgeMarker marker) {
        Document doc = encode(marker);
        try {
            collection().replaceOne(Filters.and(Filters.eq("_id", marker.producer()),
                    Filters.lt("sequence", marker.anchor().sequence())), doc, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            // the producer's marker is already at or beyond this one: the upsert's insert met it
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    static Document encode(PurgeMarker marker) {
        Document doc = new Document("_id", marker.producer())
                .append("sequence", marker.anchor().sequence())
                .append("hash", marker.anchor().hash())
                .append("lastRecordAt", Date.from(marker.lastRecordAt()))
                .append("purgedRecords", marker.purgedRecords())
                .append("purgedAt", Date.from(marker.purgedAt()));
        if (marker.firstBreak() != null) {
            Broken broken = marker.firstBreak();
            doc.append("firstBreak", new Document("sequence", broken.sequence())
                    .append("problem", broken.problem().name())
                    .append("detail", broken.detail()));
        }
        return doc;
    }

    static PurgeMarker decode(Document doc) {
        String producer = doc.getString("_id");
        Broken broken = null;
        if (doc.get("firstBreak") instanceof Document b) {
            broken = new Broken(producer, b.get("sequence", Number.class).longValue(),
                    Problem.valueOf(b.getString("problem")), b.getString("detail"));
        }
        return new PurgeMarker(producer,
                new ChainAnchor(doc.get("sequence", Number.class).longValue(), doc.getString("hash")),
                doc.getDate("lastRecordAt").toInstant(), doc.get("purgedRecords", Number.class).longValue(),
                doc.getDate("purgedAt").toInstant(), broken);
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
