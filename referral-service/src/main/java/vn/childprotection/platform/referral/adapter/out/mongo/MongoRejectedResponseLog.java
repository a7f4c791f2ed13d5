package vn.childprotection.platform.referral.adapter.out.mongo;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.childprotection.platform.contracts.Ids;
import vn.childprotection.platform.referral.application.port.out.RejectedResponseLog;

/**
 * Refused agency responses in collection {@code rejected_responses}: ids, action, rejection code and reason code, the
 * channel and the times — never the agency's wording. {@code _id} derives from (responseId, referralId, code), so a
 * redelivered refusal is stored once.
 */
public final class MongoRejectedResponseLog implements RejectedResponseLog {

    public static final String COLLECTION = "rejected_responses";

    private final MongoTemplate mongo;

    public MongoRejectedResponseLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void record(RejectedResponse rejected) {
        org.bson.Document doc = new org.bson.Document("_id", Ids.nameBased("rejected-response",
                String.valueOf(rejected.responseId()), String.valueOf(rejected.referralId()), rejected.code()))
                .append("responseId", rejected.responseId())
                .append("referralId", rejected.referralId())
                .append("caseId", rejected.caseId())
                .append("agency", rejected.agency())
                .append("action", rejected.action() == null ? null : rejected.action().name())
                .append("code", rejected.code())
                .append("reasonCode", rejected.reasonCode() == null ? null : rejected.reasonCode().name())
                .append("channel", rejected.channel())
                .append("occurredAt", rejected.occurredAt() == null ? null : java.util.Date.from(rejected.occurredAt()))
                .append("rejectedAt", java.util.Date.from(rejected.rejectedAt()));
        try {
            mongo.insert(doc, COLLECTION);
        } catch (DuplicateKeyException alreadyRecorded) {
            // the same refusal redelivered
        }
    }
}
