package vn.childprotection.platform.deploy;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** How the store stand-in writes index keys and documents to its file, and reads older files. */
class StoreValueTypesTest {

    private static final List<KeyValue> KEYS = List.of(
            new KeyValue("case-1"), new KeyValue(1.0), new KeyValue(9_007_199_254_740_993L), new KeyValue(true),
            new KeyValue((Object) null), new KeyValue(Instant.parse("2026-11-23T01:02:03.456Z")),
            new KeyValue(new ObjectId("65a1b2c3d4e5f60718293a4b")), new KeyValue(UUID.fromString(
                    "3f2504e0-4f89-11d3-9a0c-0305e82c3301")),
            new KeyValue("PENDING", "notification-7"), new KeyValue(new Document("province", "79").append("n", 2.0)));

    @Test
    void anIndexKeyReadsBackEqualToTheKeyWritten() {
        for (KeyValue key : KEYS) {
            assertThat(roundTrip(IndexKeyType.INSTANCE, IndexKeyType.INSTANCE, key)).as("%s", key).isEqualTo(key);
        }
    }

    @Test
    void indexKeysWrittenByJavaSerialisationInAnOlderFileStillRead() {
        for (KeyValue key : KEYS) {
            assertThat(roundTrip(new ObjectDataType(), IndexKeyType.INSTANCE, key)).as("%s", key).isEqualTo(key);
        }
    }

    @Test
    void aDocumentReadsBackEqualAndOneWrittenByJavaSerialisationStillReads() {
        Document document = new Document("_id", "case-1").append("text", "Trẻ em — khẩn cấp").append("n", 3)
                .append("at", Instant.parse("2026-11-23T01:02:03.456Z"))
                .append("referrals", new ArrayList<>(List.of(new Document("referralId", "r-1"))));

        assertThat(roundTrip(DocumentValueType.INSTANCE, DocumentValueType.INSTANCE, document)).isEqualTo(document);
        assertThat(roundTrip(new ObjectDataType(), DocumentValueType.INSTANCE, document)).isEqualTo(document);
        assertThat(roundTrip(DocumentValueType.INSTANCE, DocumentValueType.INSTANCE, 42L)).isEqualTo(42L);
    }

    @Test
    void keysOrderValueByValueAndAShorterKeyBeforeTheKeysItBegins() {
        assertThat(IndexKeyType.INSTANCE.compare(new KeyValue("PENDING"), new KeyValue("PENDING", "n-1"))).isNegative();
        assertThat(IndexKeyType.INSTANCE.compare(new KeyValue("PENDING", "n-2"), new KeyValue("PENDING", "n-1")))
                .isPositive();
        assertThat(IndexKeyType.INSTANCE.compare(new KeyValue((Object) null), new KeyValue(1.0))).isNegative();
        assertThat(IndexKeyType.INSTANCE.compare(new KeyValue(2.0), new KeyValue("1"))).isNegative();
        assertThat(IndexKeyType.INSTANCE.compare(new KeyValue(1.0), new KeyValue(1.0))).isZero();
    }

    private static Object roundTrip(ObjectDataType writer, ObjectDataType reader, Object value) {
        WriteBuffer buffer = new WriteBuffer();
        writer.write(buffer, value);
        buffer.put((byte) 99); // what follows in a page must stay where it is
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        Object read = reader.read(written);
        assertThat(written.get()).isEqualTo((byte) 99);
        return read;
    }
}
