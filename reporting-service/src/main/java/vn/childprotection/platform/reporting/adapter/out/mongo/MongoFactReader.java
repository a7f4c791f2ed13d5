package vn.childprotection.platform.reporting.adapter.out.mongo;

import com.mongodb.client.FindIterable;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.childprotection.platform.reporting.application.port.out.FactReader;
import vn.childprotection.platform.reporting.application.port.out.TooManyFactsException;
import vn.childprotection.platform.reporting.domain.Areas;
import vn.childprotection.platform.reporting.domain.CaseFact;
import vn.childprotection.platform.reporting.domain.FactSet;
import vn.childprotection.platform.reporting.domain.NotificationFact;
import vn.childprotection.platform.reporting.domain.ReferralFact;
import vn.childprotection.platform.reporting.domain.StatsFilter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the facts of one generation narrowed in MongoDB by reception date and province (indexed; both case and
 * referral facts carry them), then by commune and concern; the rest of the filter (agency) and every figure are
 * computed in plain Java ({@code domain.StatsCalculator}) — the stand-in's aggregation covers too little of what the
 * funnel and the percentiles need. Every query is limited to the fact budget left, so that neither this service nor
 * the store reads a selection larger than the budget whole.
 *
 * <p>A province of the latest map is asked for with the codes of its former parts too ({@code 91}: 89 and 91), as
 * the facts hold the codes of their day; which of them count under it is decided on the facts read
 * ({@link StatsFilter#matchesCase}). So documents of any age are narrowed alike, with no field they may lack.
 */
public class MongoFactReader implements FactReader {

    private static final int IN_CHUNK = 500;

    private final MongoTemplate mongo;
    private final Areas areas;

    public MongoFactReader(MongoTemplate mongo, Areas areas) {
        this.mongo = mongo;
        this.areas = areas;
    }

    @Override
    public FactSet load(long generation, StatsFilter filter, long maxFacts) {
        Budget budget = new Budget(maxFacts);
        List<Bson> narrow = new ArrayList<>();
        if (filter.from() != null) narrow.add(Filters.gte("receivedDate", filter.from().toString()));
        if (filter.to() != null) narrow.add(Filters.lte("receivedDate", filter.to().toString()));
        if (filter.province() != null) {
            List<String> codes = List.copyOf(areas.provinceCodesOf(filter.province()));
            narrow.add(codes.size() == 1 ? Filters.eq("provinceCode", codes.getFirst())
                    : Filters.in("provinceCode", codes));
        }
        // a district names days on a map with districts, a commune days on the two-level maps: only those days are read
        // (the district itself is matched on the facts: a case may name its commune only)
        LocalDate lastDayWithDistricts = areas.lastDayWithDistricts();
        if (filter.district() != null && lastDayWithDistricts != null) {
            narrow.add(Filters.lte("receivedDate", lastDayWithDistricts.toString()));
        }
        LocalDate firstDayWithoutDistricts = areas.firstDayWithoutDistricts();
        if (filter.commune() != null && firstDayWithoutDistricts != null) {
            narrow.add(Filters.gte("receivedDate", firstDayWithoutDistricts.toString()));
        }
        Bson where = narrow.isEmpty() ? new Document() : Filters.and(narrow);

        List<Bson> caseNarrow = new ArrayList<>(narrow);
        // referral facts do not carry the commune: they are kept with their cases (FactSet.select)
        if (filter.commune() != null) caseNarrow.add(Filters.eq("communeCode", filter.commune()));
        if (filter.concern() != null) caseNarrow.add(Filters.eq("concerns", filter.concern().name()));
        List<CaseFact> cases = new ArrayList<>();
        budget.read(mongo.getCollection(MongoFactStore.cases(generation))
                .find(caseNarrow.isEmpty() ? new Document() : Filters.and(caseNarrow)),
                document -> FactCodec.decodeCase(document, areas), cases);
        List<ReferralFact> referrals = new ArrayList<>();
        budget.read(mongo.getCollection(MongoFactStore.referrals(generation)).find(where), FactCodec::decodeReferral,
                referrals);
        List<NotificationFact> notifications = new ArrayList<>();
        if (narrow.isEmpty() && filter.concern() == null && filter.commune() == null) {
            budget.read(mongo.getCollection(MongoFactStore.notifications(generation)).find(),
                    FactCodec::decodeNotification, notifications);
        } else {
            List<String> caseIds = cases.stream().map(CaseFact::caseId).toList();
            for (int i = 0; i < caseIds.size(); i += IN_CHUNK) {
                budget.read(mongo.getCollection(MongoFactStore.notifications(generation))
                        .find(Filters.in("caseId", caseIds.subList(i, Math.min(caseIds.size(), i + IN_CHUNK)))),
                        FactCodec::decodeNotification, notifications);
            }
        }
        return FactSet.select(cases, referrals, notifications, filter);
    }

    @Override
    public List<ReferralFact> referralsOf(long generation, String caseId) {
        List<ReferralFact> referrals = new ArrayList<>();
        mongo.getCollection(MongoFactStore.referrals(generation)).find(Filters.eq("caseId", caseId))
                .forEach(doc -> referrals.add(FactCodec.decodeReferral(doc)));
        return referrals;
    }

    /** Counts the documents read for one selection; past the budget the read stops (its cursor is closed). */
    private static final class Budget {

        private final long maxFacts;
        private long read;

        Budget(long maxFacts) {
            this.maxFacts = maxFacts;
        }

        /**
         * Reads a query's documents into {@code facts}, the query limited to one past the budget left so that the
         * store reads no further than that; the one past it stops the read.
         */
        <T> void read(FindIterable<Document> query, Function<Document, T> decode, List<T> facts) {
            query.limit((int) Math.min(Integer.MAX_VALUE, maxFacts - read + 1)).forEach(document -> {
                if (++read > maxFacts) {
                    throw new TooManyFactsException(maxFacts);
                }
                facts.add(decode.apply(document));
            });
        }
    }
}
