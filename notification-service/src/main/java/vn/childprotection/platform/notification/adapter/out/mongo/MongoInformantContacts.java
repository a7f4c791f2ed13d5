package vn.childprotection.platform.notification.adapter.out.mongo;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import vn.childprotection.platform.contracts.ReferralOutcome;
import vn.childprotection.platform.notification.application.port.out.InformantContactRetention;
import vn.childprotection.platform.notification.application.port.out.InformantContacts;
import vn.childprotection.platform.notification.domain.RecipientRole;
import vn.childprotection.platform.notification.domain.DeliveryChannel;
import vn.childprotection.platform.notification.domain.InformantContact;
import vn.childprotection.platform.notification.domain.Recipient;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link InformantContacts} on MongoDB: collection {@code informant_contacts}, {@code _id} = case id. Every change is
 * one atomic {@code findAndModify} (upsert, answer after the change) on the case's one document, so two consumers
 * (intake report, case completion) see each other's part whichever comes first. The phone is written only for an
 * informant who expects feedback and is {@code $unset} once the outcome was delivered ({@code told}), or once it has
 * been kept {@code notification.informant-contact.max-kept} ({@code keptSince}), or when the case's personal data is
 * erased ({@code erased}: never written again).
 */
public final class MongoInformantContacts implements InformantContacts, InformantContactRetention {

    public static final String COLLECTION = "informant_contacts";

    /**
     * As stored. {@code contact} is the informant's phone: never logged, never in a key, header or metric. The flags
     * are absent until set (each change writes only its own fields).
     */
    @Document(collection = COLLECTION)
    public record InformantContactDocument(@Id String caseId, String contact, DeliveryChannel channel,
                                           Boolean declined, String pendingEventId,
                                           List<ReferralOutcome> pendingOutcomes, Boolean told, Instant updatedAt,
                                           Instant keptSince, Boolean erased) {

        /** An erased contact (limit reached, or the case's personal data erased) is never sent to: as declined. */
        InformantContact toDomain() {
            boolean isTold = Boolean.TRUE.equals(told);
            boolean gone = Boolean.TRUE.equals(erased);
            Recipient recipient = isTold || gone || contact == null || contact.isBlank() ? null
                    : new Recipient(contact, channel == null ? DeliveryChannel.SMS : channel);
            InformantContact.PendingOutcome pending = pendingEventId == null ? null
                    : new InformantContact.PendingOutcome(pendingEventId, pendingOutcomes);
            return new InformantContact(caseId, recipient, Boolean.TRUE.equals(declined) || (gone && !isTold),
                    pending, isTold);
        }
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    public MongoInformantContacts(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public InformantContact rememberContact(String caseId, Recipient contact) {
        // never written again once told: the query does not match a told record
        Query notTold = new Query(Criteria.where("_id").is(caseId).and("told").ne(true).and("erased").ne(true));
        Update update = new Update().set("contact", contact.address()).set("channel", contact.channel().name())
                .set("updatedAt", clock.instant()).min("keptSince", clock.instant());
        InformantContactDocument updated = mongo.findAndModify(notTold, update,
                FindAndModifyOptions.options().returnNew(true), InformantContactDocument.class);
        if (updated != null) {
            return updated.toDomain();
        }
        // no record yet (create it), a told or erased one (leave it: never upserted into a duplicate), or one the
        // case's completion created since the update above (write the contact into it, or the outcome would wait
        // for a contact that already came)
        InformantContactDocument existing = mongo.findById(caseId, InformantContactDocument.class);
        if (existing == null) {
            return change(notTold, caseId, update);
        }
        if (Boolean.TRUE.equals(existing.told()) || Boolean.TRUE.equals(existing.erased())) {
            return existing.toDomain();
        }
        InformantContactDocument now = mongo.findAndModify(notTold, update,
                FindAndModifyOptions.options().returnNew(true), InformantContactDocument.class);
        return (now != null ? now : existing).toDomain();
    }

    @Override
    public InformantContact declineFeedback(String caseId) {
        return change(byId(caseId), caseId, new Update().set("declined", true).unset("contact"));
    }

    @Override
    public InformantContact awaitOutcome(String caseId, InformantContact.PendingOutcome outcome) {
        Update update = new Update().set("pendingEventId", outcome.eventId())
                .set("pendingOutcomes", outcome.outcomes().stream().map(Enum::name).toList());
        return change(byId(caseId), caseId, update);
    }

    @Override
    public void erase(String caseId) {
        change(byId(caseId), caseId, new Update().unset("contact").unset("channel").unset("keptSince")
                .set("told", true));
    }

    @Override
    public boolean forget(String caseId) {
        Instant now = clock.instant();
        InformantContactDocument before = mongo.findAndModify(
                new Query(Criteria.where("_id").is(caseId).and("contact").exists(true)),
                new Update().unset("contact").unset("channel").unset("keptSince").set("erased", true)
                        .set("updatedAt", now),
                FindAndModifyOptions.options().returnNew(false), InformantContactDocument.class);
        if (before == null) {
            // nothing held (yet): the marker keeps a report that comes later from bringing the phone in
            change(byId(caseId), caseId, new Update().set("erased", true));
        }
        // the outcome notification not delivered yet loses its recipient too (it then fails: nobody to send to)
        mongo.updateMulti(new Query(Criteria.where("caseId").is(caseId).and("role").is(RecipientRole.INFORMANT.name())
                        .and("recipient").exists(true)),
                new Update().unset("recipient"), NotificationDocument.COLLECTION);
        return before != null && before.contact() != null;
    }

    @Override
    public List<String> heldSince(Instant cutoff, int limit) {
        Query held = new Query(Criteria.where("keptSince").lte(cutoff).and("contact").exists(true))
                .with(Sort.by(Sort.Direction.ASC, "keptSince")).limit(limit);
        held.fields().include("_id");
        return mongo.find(held, org.bson.Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }

    @Override
    public Optional<InformantContact> find(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, InformantContactDocument.class))
                .map(InformantContactDocument::toDomain);
    }

    private InformantContact change(Query query, String caseId, Update update) {
        update.set("updatedAt", clock.instant());
        FindAndModifyOptions options = FindAndModifyOptions.options().upsert(true).returnNew(true);
        try {
            return mongo.findAndModify(query, update, options, InformantContactDocument.class).toDomain();
        } catch (DuplicateKeyException raceOrTold) {
            // two upserts of a new case at once, or a told record the query left out: the document is there now
            return find(caseId).filter(InformantContact::told)
                    .orElseGet(() -> mongo.findAndModify(query, update, options, InformantContactDocument.class)
                            .toDomain());
        }
    }

    private static Query byId(String caseId) {
        return new Query(Criteria.where("_id").is(caseId));
    }
}
