package vn.childprotection.platform.deploy;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.type.ObjectDataType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static de.bwaldvogel.mongo.backend.Constants.ID_FIELD;

/**
 * A non-unique index for the store stand-in, which mongo-java-server 1.47 otherwise ignores (its
 * {@code openOrCreateSecondaryIndex} returns an index that never answers): every query not by {@code _id} scanned
 * and matched the whole collection, the stand-in's main cost under load once the collections grew (issue 6 profile:
 * about 70 % of its CPU in {@code matchDocumentsFromStream}, for the outbox and delivery polls and the reporting's
 * case-context update).
 *
 * <p>It is kept in memory and built from the documents when the store opens, as mongo-java-server does for an empty
 * index. It indexes the index's <em>leading</em> field only, and answers a query that compares that field with a
 * value ({@code {f: v}}, {@code $eq}, {@code $in}) or a range ({@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}):
 * it hands the collection a superset of the matching documents — those whose leading field is in the selection —
 * and the collection applies the whole query, sort and limit to them as it does to a scan. So an answer can only be
 * as right as a scan's. It declines (and the collection scans) a query on a plain {@code _id}, which the
 * {@code _id} index serves better, any other operator on the field, and a selection holding more than half the
 * collection, where reading each document by position costs more than the scan.
 */
final class LeadingKeyIndex extends Index<Object> {

    private static final ObjectDataType POSITION_ORDER = new ObjectDataType();

    private final String field;
    /** leading-field value (normalised as mongo-java-server does) → positions, in {@link IndexKeyType}'s order */
    private final NavigableMap<Object, Set<Object>> positionsByValue = new TreeMap<>(IndexKeyType::compareValues);
    /** documents indexed; the values of a document are read from it again when it changes or goes (no copy here) */
    private long documents;

    private Document lastQuery;
    private List<Object> lastPositions;

    LeadingKeyIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, List.of(keys.getFirst()), sparse);
        this.field = keys.getFirst().getKey();
    }

    @Override
    public Object getPosition(Document document) {
        return null; // not unique: it names no single document
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // no constraint
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        link(position, valuesOf(document));
        documents++;
        lastQuery = null;
    }

    @Override
    public synchronized Object remove(Document document) {
        Object id = document.get(ID_FIELD);
        if (unlink(id, valuesOf(document))) {
            documents--;
        }
        lastQuery = null;
        return id;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // no constraint
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
                                           MongoCollection<Object> collection) {
        List<Object> values = valuesOf(newDocument);
        List<Object> previous = valuesOf(oldDocument);
        if (values.equals(previous)) {
            return;
        }
        unlink(position, previous);
        link(position, values);
        lastQuery = null;
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        if (hasPlainId(query)) {
            return false;
        }
        Selection selection = selection(query);
        if (selection == null) {
            return false;
        }
        List<Object> positions = selection.positions(positionsByValue);
        if (positions.size() > documents / 2 && positions.size() > 64) {
            return false;
        }
        lastQuery = query;
        lastPositions = positions;
        return true;
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        List<Object> positions;
        if (query == lastQuery) {
            positions = lastPositions;
        } else {
            Selection selection = selection(query);
            if (selection == null) {
                throw new IllegalArgumentException("index " + getName() + " cannot answer " + query.keySet());
            }
            positions = selection.positions(positionsByValue);
        }
        lastQuery = null;
        lastPositions = null;
        positions.sort(POSITION_ORDER::compare); // the order a scan of the collection would see them in
        return positions;
    }

    /**
     * The selection on the leading field of the query's top level or of one of its {@code $and} terms (the drivers
     * write {@code and(eq(..), lte(..))} so). Any one term's selection holds every match, since all terms must hold.
     */
    private Selection selection(Document query) {
        if (query.containsKey(field)) {
            Selection selection = Selection.of(query.get(field));
            if (selection != null) {
                return selection;
            }
        }
        if (query.get("$and") instanceof Collection<?> terms) {
            for (Object term : terms) {
                if (term instanceof Document document) {
                    Selection selection = selection(document);
                    if (selection != null) {
                        return selection;
                    }
                }
            }
        }
        return null;
    }

    @Override
    public synchronized long getCount() {
        return documents;
    }

    @Override
    public synchronized boolean isEmpty() {
        return documents == 0;
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public synchronized void drop() {
        positionsByValue.clear();
        documents = 0;
        lastQuery = null;
    }

    private List<Object> valuesOf(Document document) {
        Set<KeyValue> keyValues = getKeyValues(document); // normalised; one per array element
        List<Object> values = new ArrayList<>(keyValues.size());
        for (KeyValue keyValue : keyValues) {
            values.add(keyValue.get(0));
        }
        return values;
    }

    private void link(Object position, List<Object> values) {
        for (Object value : values) {
            positionsByValue.computeIfAbsent(value, v -> new HashSet<>(4)).add(position);
        }
    }

    /** @return whether the position was indexed under any of the values */
    private boolean unlink(Object position, List<Object> values) {
        boolean found = false;
        for (Object value : values) {
            Set<Object> positions = positionsByValue.get(value);
            if (positions != null && positions.remove(position)) {
                found = true;
                if (positions.isEmpty()) {
                    positionsByValue.remove(value);
                }
            }
        }
        return found;
    }

    private static boolean hasPlainId(Document query) {
        Object id = query.get(ID_FIELD);
        return id != null && !(id instanceof Document document && document.keySet().stream()
                .anyMatch(k -> k.startsWith("$")));
    }

    /** What a query selects on the leading field: some values, or a range. {@code null} when it is neither. */
    private sealed interface Selection {

        List<Object> positions(NavigableMap<Object, Set<Object>> index);

        static Selection of(Object condition) {
            if (isScalar(condition)) {
                return new Values(List.of(normalise(condition)));
            }
            if (!(condition instanceof Document operators) || operators.isEmpty()) {
                return null;
            }
            if (operators.size() == 1 && operators.get("$eq") != null && isScalar(operators.get("$eq"))) {
                return new Values(List.of(normalise(operators.get("$eq"))));
            }
            if (operators.size() == 1 && operators.get("$in") instanceof Collection<?> values) {
                List<Object> normalised = new ArrayList<>(values.size());
                for (Object value : values) {
                    if (!isScalar(value)) {
                        return null;
                    }
                    normalised.add(normalise(value));
                }
                return new Values(normalised);
            }
            Object lower = null;
            // a long no double can hold sorts after every double here, not among them as MongoDB compares: decline
            if (operators.values().stream().anyMatch(v -> v instanceof Long l && (long) (double) l != l)) {
                return null;
            }
            Object upper = null;
            boolean lowerInclusive = false;
            boolean upperInclusive = false;
            for (Map.Entry<String, Object> operator : operators.entrySet()) {
                Object value = operator.getValue();
                if (!isScalar(value)) {
                    return null;
                }
                switch (operator.getKey()) {
                    case "$gt" -> lower = normalise(value);
                    case "$gte" -> {
                        lower = normalise(value);
                        lowerInclusive = true;
                    }
                    case "$lt" -> upper = normalise(value);
                    case "$lte" -> {
                        upper = normalise(value);
                        upperInclusive = true;
                    }
                    default -> {
                        return null;
                    }
                }
            }
            return new Range(lower, lowerInclusive, upper, upperInclusive);
        }

        private static boolean isScalar(Object value) {
            return value instanceof String || value instanceof Number || value instanceof Boolean
                    || value instanceof ObjectId || value instanceof Instant || value instanceof UUID;
        }

        /** As mongo-java-server normalises an index key: a number is a double unless a double cannot hold it. */
        private static Object normalise(Object value) {
            if (value instanceof Long l && (long) (double) l != l) {
                return l;
            }
            if (value instanceof Number number) {
                double d = number.doubleValue();
                return d == -0.0 ? 0.0 : d;
            }
            return value;
        }
    }

    private record Values(List<Object> values) implements Selection {

        @Override
        public List<Object> positions(NavigableMap<Object, Set<Object>> index) {
            Set<Object> positions = new LinkedHashSet<>();
            for (Object value : values) {
                Set<Object> at = index.get(value);
                if (at != null) {
                    positions.addAll(at);
                }
            }
            return new ArrayList<>(positions);
        }
    }

    private record Range(Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive)
            implements Selection {

        @Override
        public List<Object> positions(NavigableMap<Object, Set<Object>> index) {
            NavigableMap<Object, Set<Object>> range = index;
            if (lower != null) {
                range = range.tailMap(lower, lowerInclusive);
            }
            if (upper != null) {
                range = range.headMap(upper, upperInclusive);
            }
            // type bracketing, as MongoDB does: {$lte: <date>} matches dates only, so the nulls of the documents
            // without the field (one entry, however many documents) and the values of other types are skipped
            int bracket = IndexKeyType.bracket(lower != null ? lower : upper);
            List<Object> positions = new ArrayList<>();
            for (Map.Entry<Object, Set<Object>> at : range.entrySet()) {
                if (IndexKeyType.bracket(at.getKey()) == bracket) {
                    positions.addAll(at.getValue());
                }
            }
            return positions;
        }
    }
}
