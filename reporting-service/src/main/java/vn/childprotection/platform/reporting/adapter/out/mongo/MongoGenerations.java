package vn.childprotection.platform.reporting.adapter.out.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.childprotection.platform.reporting.application.RebuildStatus;
import vn.childprotection.platform.reporting.application.port.out.Generations;

import java.util.Optional;

/**
 * {@code projection_state}: the pointer document {@code _id: "active"} naming the active generation (switched with
 * one single-document update, atomic for every reader) and {@code _id: "rebuild"}, the latest rebuild's status.
 */
public class MongoGenerations implements Generations {

    public static final String COLLECTION = "projection_state";

    private final MongoTemplate mongo;

    public MongoGenerations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public long active() {
        collection().updateOne(Filters.eq("_id", "active"), Updates.setOnInsert("generation", 1L),
                new UpdateOptions().upsert(true));
        Document pointer = collection().find(Filters.eq("_id", "active")).first();
        return pointer.get("generation", Number.class).longValue();
    }

    @Override
    public void activate(long generation) {
        collection().updateOne(Filters.eq("_id", "active"), Updates.set("generation", generation),
                new UpdateOptions().upsert(true));
    }

    @Override
    public void saveRebuild(RebuildStatus s) {
        collection().replaceOne(Filters.eq("_id", "rebuild"), new Document("_id", "rebuild")
                .append("rebuildId", s.rebuildId()).append("state", s.state().name())
                .append("eventsRead", s.eventsRead()).append("eventsTotal", s.eventsTotal())
                .append("eventsPerSecond", s.eventsPerSecond()).append("startedAt", Codes.date(s.startedAt()))
                .append("finishedAt", Codes.date(s.finishedAt())).append("generation", s.generation())
                .append("factsWritten", s.factsWritten()).append("error", s.error()),
                new ReplaceOptions().upsert(true));
    }

    @Override
    public Optional<RebuildStatus> latestRebuild() {
        Document d = collection().find(Filters.eq("_id", "rebuild")).first();
        if (d == null) {
            return Optional.empty();
        }
        return Optional.of(new RebuildStatus(d.getString("rebuildId"),
                RebuildStatus.State.valueOf(d.getString("state")), d.get("eventsRead", Number.class).longValue(),
                d.get("eventsTotal", Number.class).longValue(), d.get("eventsPerSecond", Number.class).doubleValue(),
                Codes.instant(d.get("startedAt")), Codes.instant(d.get("finishedAt")),
                d.get("generation", Number.class).longValue(), d.get("factsWritten", Number.class).longValue(),
                d.getString("error")));
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
