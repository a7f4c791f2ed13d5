package vn.childprotection.platform.deploy;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.type.ObjectDataType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static de.bwaldvogel.mongo.backend.Constants.ID_FIELD;

/**
 * A non-unique index for the store stand-in, which mongo-java-server 1.47 otherwise ignores (its
 * {@code openOrCreateSecondaryIndex} returns an index that never answers): every query not by {@code _id} scanned
 * and matched the whole collection, the stand-in's main cost under load once the collections grew (profile:
 * about 70 % of its CPU in {@code matchDocumentsFromStream}, for the outbox and delivery polls and the reporting's
 * case-context update).
 *
 * <p>It is an H2 map of {@code (leading-field value, position)} keys in {@link IndexKeyType}'s order, stored with
 * the documents and committed with them, so nothing is rebuilt when the store opens (mongo-java-server builds it from
 * the documents once, when it is created or first opened on an older store file). It indexes the index's
 * <em>leading</em> field only, and answers a query that compares that field — at the query's top level or in one of
 * its {@code $and} terms — with values ({@code {f: v}}, {@code $eq}, {@code $in}) or with a range of dates or strings
 * ({@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}): it hands the collection a superset of the matching
 * documents, those whose leading field is in the selection, and the collection applies the whole query, sort and
 * limit to them as it does to a scan. So an answer can only be as right as a scan's. It declines (and the collection
 * scans) a query on a plain {@code _id}, which the {@code _id} index serves better, any other operator on the field,
 * a range of numbers, and a selection of more than half the index, where reading each document by position costs
 * more than the scan.
 */
final class LeadingKeyIndex extends Index<Object> {

    private static final ObjectDataType POSITION_ORDER = new ObjectDataType();

    private final String field;
    /** (value, position) → TRUE; a document has one entry per value (one per element of an array) */
    private final MVMap<KeyValue, Boolean> entries;

    private Document lastQuery;
    private List<Object> lastPositions;

    LeadingKeyIndex(MVMap<KeyValue, Boolean> entries, String name, List<IndexKey> keys, boolean sparse) {
        super(name, List.of(keys.getFirst()), sparse);
        this.field = keys.getFirst().getKey();
        this.entries = entries;
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
        for (Object value : valuesOf(document)) {
            entries.put(new KeyValue(value, position), Boolean.TRUE);
        }
        lastQuery = null;
    }

    @Override
    public synchronized Object remove(Document document) {
        Object id = document.get(ID_FIELD);
        for (Object value : valuesOf(document)) {
            entries.remove(new KeyValue(value, id));
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
        for (Object value : previous) {
            entries.remove(new KeyValue(value, position));
        }
        for (Object value : values) {
            entries.put(new KeyValue(value, position), Boolean.TRUE);
        }
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
        List<Object> positions = selection.positions(entries, entries.sizeAsLong() / 2 + 64);
        if (positions == null) {
            return false;
        }
        lastQuery = query;
        lastPositions = positions;
        return true;
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        List<Object> positions = query == lastQuery ? lastPositions : null;
        if (positions == null) {
            Selection selection = selection(query);
            if (selection == null) {
                throw new IllegalArgumentException("index " + getName() + " cannot answer " + query.keySet());
            }
            positions = selection.positions(entries, Long.MAX_VALUE);
        }
        lastQuery = null;
        lastPositions = null;
        positions.sort(POSITION_ORDER::compare); // the order a scan of the collection would see them in
        return positions;
    }

    /**
     * The selection on the leading field of the query's top level or of one of its {@code $and} terms (the drivers
     * write {@code and(eq(..), lte(..))} so).
     */
    private Selection selection(Document query) {
        return inConjunction(query, terms -> terms.containsKey(field) ? Selection.of(terms.get(field)) : null);
    }

    /**
     * What {@code find} finds in the query's top level or, failing that, in one of its {@code $and} terms (depth
     * first). Whatever one term requires, the whole query requires, since all terms must hold.
     */
    private static <T> T inConjunction(Document query, Function<Document, T> find) {
        T found = find.apply(query);
        if (found == null && query.get("$and") instanceof Collection<?> terms) {
            for (Object term : terms) {
                if (term instanceof Document document && (found = inConjunction(document, find)) != null) {
                    break;
                }
            }
        }
        return found;
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public synchronized void drop() {
        entries.clear();
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

    /** A plain {@code _id} at the top level or in an {@code $and} term: the {@code _id} index serves it better. */
    private static boolean hasPlainId(Document query) {
        return plainId(query) != null;
    }

    /**
     * The {@code _id} a query names plainly (not an operator expression), at its top level or in one of its
     * {@code $and} terms; {@code null} when there is none.
     */
    static Object plainId(Document query) {
        return inConjunction(query, terms -> {
            Object id = terms.get(ID_FIELD);
            boolean operators = id instanceof Document document
                    && document.keySet().stream().anyMatch(k -> k.startsWith("$"));
            return operators ? null : id;
        });
    }

    /** What a query selects on the leading field: some values, or a range. {@code null} when it is neither. */
    private sealed interface Selection {

        /** The positions selected, or {@code null} when there are more than {@code cap}. */
        List<Object> positions(MVMap<KeyValue, Boolean> entries, long cap);

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
            Object upper = null;
            boolean lowerInclusive = false;
            boolean upperInclusive = false;
            for (Map.Entry<String, Object> operator : operators.entrySet()) {
                Object value = operator.getValue();
                // dates and strings only: numbers of two types (double, long) do not sort as one bracket here
                if (!(value instanceof Instant || value instanceof String)) {
                    return null;
                }
                switch (operator.getKey()) {
                    case "$gt" -> lower = value;
                    case "$gte" -> {
                        lower = value;
                        lowerInclusive = true;
                    }
                    case "$lt" -> upper = value;
                    case "$lte" -> {
                        upper = value;
                        upperInclusive = true;
                    }
                    default -> {
                        return null;
                    }
                }
            }
            if (lower != null && upper != null && lower.getClass() != upper.getClass()) {
                return null;
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
        public List<Object> positions(MVMap<KeyValue, Boolean> entries, long cap) {
            Set<Object> positions = new LinkedHashSet<>();
            for (Object value : values) {
                // (value) sorts right before every (value, position)
                Cursor<KeyValue, Boolean> cursor = entries.cursor(new KeyValue(value));
                while (cursor.hasNext()) {
                    KeyValue key = cursor.next();
                    if (IndexKeyType.compareValues(key.get(0), value) != 0) {
                        break;
                    }
                    positions.add(key.get(1));
                    if (positions.size() > cap) {
                        return null;
                    }
                }
            }
            return new ArrayList<>(positions);
        }
    }

    /** A range of dates or of strings; MongoDB's type bracketing: other types and missing values never match. */
    private record Range(Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive)
            implements Selection {

        @Override
        public List<Object> positions(MVMap<KeyValue, Boolean> entries, long cap) {
            Object bound = lower != null ? lower : upper;
            Object from = lower != null ? lower : bound instanceof Instant ? Instant.MIN : "";
            Cursor<KeyValue, Boolean> cursor = entries.cursor(new KeyValue(from));
            List<Object> positions = new ArrayList<>();
            while (cursor.hasNext()) {
                KeyValue key = cursor.next();
                Object value = key.get(0);
                if (value == null || value.getClass() != bound.getClass()) {
                    break; // past the bracket (the cursor started inside it)
                }
                if (lower != null && !lowerInclusive && IndexKeyType.compareValues(value, lower) == 0) {
                    continue;
                }
                if (upper != null) {
                    int cmp = IndexKeyType.compareValues(value, upper);
                    if (cmp > 0 || (cmp == 0 && !upperInclusive)) {
                        break;
                    }
                }
                positions.add(key.get(1));
                if (positions.size() > cap) {
                    return null;
                }
            }
            return positions;
        }
    }
}
