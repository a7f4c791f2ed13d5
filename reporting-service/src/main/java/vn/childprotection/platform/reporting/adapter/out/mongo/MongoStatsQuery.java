package vn.childprotection.platform.reporting.adapter.out.mongo;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.childprotection.platform.reporting.application.port.out.StatsQuery;
import vn.childprotection.platform.reporting.domain.OverviewCounts;
import vn.childprotection.platform.reporting.domain.OverviewFilter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures counted from the fact documents with one aggregation per collection ({@code $match}, then a {@code $facet}
 * of {@code $group}s). Only stages the MongoDB stand-in supports are used; {@code MongoStatsQueryIT} runs every
 * pipeline against it.
 */
public class MongoStatsQuery implements StatsQuery {

    private final MongoTemplate mongo;

    public MongoStatsQuery(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public OverviewCounts overviewCounts(OverviewFilter filter) {
        Document match = match(filter);

        Document cases = facet(CaseFactDocument.COLLECTION, match, Map.of(
                "total", countAll(),
                "byContactType", countBy("contactType"),
                "byConcern", countByElement("concerns"),
                "bySeverity", countBy("severity"),
                "byChannel", countBy("channel"),
                "byProvince", countBy("provinceCode")));
        Document referrals = facet(ReferralFactDocument.COLLECTION, match, Map.of(
                "total", countAll(),
                "byAgency", countBy("agency"),
                "byRole", countBy("role")));

        return new OverviewCounts(
                total(cases),
                counts(cases, "byContactType"),
                counts(cases, "byConcern"),
                counts(cases, "bySeverity"),
                counts(cases, "byChannel"),
                counts(cases, "byProvince"),
                total(referrals),
                counts(referrals, "byAgency"),
                counts(referrals, "byRole"));
    }

    /** Both collections carry {@code receivedDate} (ISO date, Asia/Ho_Chi_Minh) and {@code provinceCode}. */
    static Document match(OverviewFilter filter) {
        Document match = new Document();
        if (filter.from() != null || filter.to() != null) {
            Document range = new Document();
            filter.fromDate().ifPresent(from -> range.append("$gte", from.toString()));
            filter.toDate().ifPresent(to -> range.append("$lte", to.toString()));
            match.append("receivedDate", range);
        }
        filter.provinceCode().ifPresent(province -> match.append("provinceCode", province));
        return match;
    }

    private Document facet(String collection, Document match, Map<String, List<Document>> facets) {
        List<Document> pipeline = List.of(
                new Document("$match", match),
                new Document("$facet", new Document(facets)));
        Document result = mongo.getCollection(collection).aggregate(pipeline).first();
        return result == null ? new Document() : result;
    }

    private static List<Document> countAll() {
        return List.of(new Document("$group", new Document("_id", null).append("n", new Document("$sum", 1))));
    }

    private static List<Document> countBy(String field) {
        return List.of(
                new Document("$match", new Document(field, new Document("$ne", null))),
                new Document("$group", new Document("_id", "$" + field).append("n", new Document("$sum", 1))),
                new Document("$sort", new Document("_id", 1)));
    }

    /** One count per array element: a case with two concerns counts once in each. */
    private static List<Document> countByElement(String arrayField) {
        List<Document> stages = new ArrayList<>();
        stages.add(new Document("$unwind", "$" + arrayField));
        stages.addAll(countBy(arrayField));
        return stages;
    }

    private static long total(Document facetResult) {
        List<Document> rows = facetResult.getList("total", Document.class, List.of());
        return rows.isEmpty() ? 0 : ((Number) rows.getFirst().get("n")).longValue();
    }

    private static Map<String, Long> counts(Document facetResult, String facet) {
        Map<String, Long> counts = new HashMap<>();
        for (Document row : facetResult.getList(facet, Document.class, List.of())) {
            Object key = row.get("_id");
            if (key != null) {
                counts.merge(key.toString(), ((Number) row.get("n")).longValue(), Long::sum);
            }
        }
        return counts;
    }
}
