package vn.childprotection.platform.referral.adapter.out.mongo;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import vn.childprotection.platform.referral.application.port.out.JobLease;

import java.time.Instant;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Job leases in collection {@code job_leases} ({@code _id} = job, {@code owner}, {@code until}): one upserting
 * find-and-modify takes a free, expired or own lease; when another owner holds a live one the upsert meets the
 * existing {@code _id} (duplicate key) and the claim fails.
 */
public final class MongoJobLease implements JobLease {

    static final String COLLECTION = "job_leases";

    private final MongoTemplate mongo;

    public MongoJobLease(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean claim(String job, String owner, Instant now, Instant until) {
        Query claimable = new Query(where("_id").is(job).orOperator(where("until").lt(now),
                where("until").is(null), where("owner").is(owner)));
        Update take = new Update().set("owner", owner).set("until", until);
        try {
            org.bson.Document taken = mongo.findAndModify(claimable, take,
                    FindAndModifyOptions.options().upsert(true).returnNew(true), org.bson.Document.class, COLLECTION);
            return taken != null && owner.equals(taken.getString("owner"));
        } catch (DuplicateKeyException heldByAnother) {
            return false;
        }
    }

    @Override
    public void release(String job, String owner) {
        mongo.updateFirst(new Query(where("_id").is(job).and("owner").is(owner)),
                new Update().unset("owner").unset("until"), COLLECTION);
    }
}
