package vn.childprotection.platform.deploy;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;

/**
 * The key type of the stand-in's unique-index maps. H2's default type compares two values of a class it does not
 * know — mongo-java-server's {@link KeyValue} — by Java-serialising both, at every comparison of every lookup and
 * insert: about 300 µs per inserted document, most of the stand-in's write time (JFR profile of the reporting
 * rebuild). Here the values a key is made of compare directly when they are of the types the platform writes
 * (strings, numbers, booleans, dates, object ids, UUIDs), and as H2 does, by their serialised form, only
 * otherwise. It is a total order and consistent with {@code equals} for the keys {@code AbstractUniqueIndex}
 * stores (normalised: every number a double unless it is a long a double cannot hold, a missing value null).
 * Keys are stored as BSON ({@link #write}).
 */
final class IndexKeyType extends ObjectDataType {

    static final IndexKeyType INSTANCE = new IndexKeyType();

    /** A tag no {@link ObjectDataType} value starts with, nor {@link DocumentValueType#BSON}. */
    static final byte KEY_AS_BSON = 51;

    /**
     * A key is written as a BSON document of its values ({@code {"0": v0, "1": v1}}) with mongo-java-server's wire
     * codec, not by Java serialisation (JFR profile under load: after the documents, the keys were most of the page
     * writer's time). A key the codec cannot write is Java-serialised as before; both read back.
     */
    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (value instanceof KeyValue key) {
            Document values = new Document();
            for (int i = 0; i < key.size(); i++) {
                values.put(Integer.toString(i), key.get(i));
            }
            if (DocumentValueType.writeBson(buffer, KEY_AS_BSON, values)) {
                return;
            }
        }
        super.write(buffer, value);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != KEY_AS_BSON) {
            return super.read(buffer);
        }
        return new KeyValue(new ArrayList<>(DocumentValueType.readBson(buffer).values()));
    }

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
            return compareKeys(left, right);
        }
        return super.compare(a, b);
    }

    static int compareKeys(KeyValue left, KeyValue right) {
        int common = Math.min(left.size(), right.size());
        for (int i = 0; i < common; i++) {
            int cmp = compareValues(left.get(i), right.get(i));
            if (cmp != 0) {
                return cmp;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    static int compareValues(Object a, Object b) {
        int rankA = rank(a);
        int rankB = rank(b);
        if (rankA != rankB) {
            return Integer.compare(rankA, rankB);
        }
        return switch (a) {
            case null -> 0;
            case Missing ignored -> 0;
            case Boolean x -> Boolean.compare(x, (Boolean) b);
            case Double x -> Double.compare(x, (Double) b);
            case Long x -> Long.compare(x, (Long) b);
            case String x -> x.compareTo((String) b);
            case ObjectId x -> x.compareTo((ObjectId) b);
            case Instant x -> x.compareTo((Instant) b);
            case UUID x -> x.compareTo((UUID) b);
            default -> compareNotNull(serialize(a), serialize(b));
        };
    }

    /** Values of one bracket compare with each other in a MongoDB range query: all numbers are one bracket. */
    static int bracket(Object value) {
        int rank = rank(value);
        return rank == 3 ? 2 : rank;
    }

    private static int rank(Object value) {
        return switch (value) {
            case null -> 0;
            case Missing ignored -> 0;
            case Boolean ignored -> 1;
            case Double ignored -> 2;
            case Long ignored -> 3;
            case String ignored -> 4;
            case ObjectId ignored -> 5;
            case Instant ignored -> 6;
            case UUID ignored -> 7;
            default -> 8;
        };
    }
}
