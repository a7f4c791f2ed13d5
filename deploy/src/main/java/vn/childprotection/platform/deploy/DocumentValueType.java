package vn.childprotection.platform.deploy;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.Map;

/**
 * The value type of the stand-in's document maps: a document is stored as BSON, with mongo-java-server's own
 * encoder and decoder (the ones that carry it over the wire), instead of by Java serialisation, which H2's default
 * type uses for a class it does not know. Serialising and deserialising documents was most of the stand-in's CPU
 * under load (JFR profile: 42 % of its samples in the background writer's page serialisation, and most of
 * a cold read). Every value starts with a tag byte: {@link #BSON} here, one of H2's own tags otherwise, so documents
 * written by Java serialisation in an older store file still read (through {@link ObjectDataType}), and a document
 * the BSON encoder cannot write (none the platform writes) is stored as before.
 */
final class DocumentValueType extends ObjectDataType {

    static final DocumentValueType INSTANCE = new DocumentValueType();

    /** A tag no {@link ObjectDataType} value starts with (it uses 0–14, 19, 32–49 and 64–119). */
    static final byte BSON = 50;

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (value instanceof Document document && writeBson(buffer, BSON, document)) {
            return;
        }
        super.write(buffer, value);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return super.read(buffer);
        }
        return readBson(buffer);
    }

    /**
     * Writes {@code tag} and the document as BSON; {@code false} (nothing written) when the codec cannot encode it.
     * Shared with {@link IndexKeyType}, whose keys are written the same way under their own tag.
     */
    static boolean writeBson(WriteBuffer buffer, byte tag, Document document) {
        ByteBuf bson = Unpooled.buffer(512);
        try {
            BsonEncoder.encodeDocument(document, bson);
            buffer.put(tag);
            buffer.put(bson.nioBuffer());
            return true;
        } catch (RuntimeException notEncodable) {
            return false;
        } finally {
            bson.release();
        }
    }

    /** Reads what {@link #writeBson} wrote, the buffer at its tag; leaves the buffer after the document. */
    static Document readBson(ByteBuffer buffer) {
        buffer.get();
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice(buffer.position(), length));
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(bson);
    }

    /**
     * An estimate of a document's heap size, for the page cache's accounting: H2's default for an unknown class is
     * the average size of what it serialised, which under-counts a deserialised document several times, so the
     * cache held far more than its nominal size (the stand-in's heap filled and it spent most of its time in GC).
     */
    @Override
    public int getMemory(Object value) {
        if (value instanceof Document document) {
            return (int) Math.min(Integer.MAX_VALUE, estimate(document));
        }
        return super.getMemory(value);
    }

    static long estimate(Object value) {
        return switch (value) {
            case Map<?, ?> map -> {
                long size = 64;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    size += 48 + estimate(entry.getKey()) + estimate(entry.getValue());
                }
                yield size;
            }
            case Collection<?> collection -> {
                long size = 40;
                for (Object element : collection) {
                    size += 8 + estimate(element);
                }
                yield size;
            }
            case String string -> 48 + string.length();
            case null -> 0;
            default -> 24;
        };
    }
}
