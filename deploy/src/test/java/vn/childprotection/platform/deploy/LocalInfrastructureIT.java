package vn.childprotection.platform.deploy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The embedded infrastructure keeps its data across a restart, as {@code ./platform down} / {@code up} needs. */
class LocalInfrastructureIT {

    @TempDir
    Path tmp;

    @Test
    void theBrokerFormatsItsDirectoryOnceAndKeepsRecordsAcrossARestart() throws IOException {
        LocalKafkaBroker.Settings settings =
                new LocalKafkaBroker.Settings("127.0.0.1", freePort(), freePort(), tmp.resolve("kafka"));
        String clusterId;
        try (LocalKafkaBroker broker = new LocalKafkaBroker(settings).start()) {
            clusterId = broker.clusterId();
            // auto topic creation is on: the first send creates the topic
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
                producer.send(new ProducerRecord<>("local.smoke.v1", "case-1", "survives")).get();
            } catch (Exception e) {
                throw new AssertionError("could not produce to the embedded broker", e);
            }
        }

        try (LocalKafkaBroker broker = new LocalKafkaBroker(settings).start();
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                     ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                     ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            assertThat(broker.clusterId()).as("the cluster id is kept").isEqualTo(clusterId);
            // the key decides the partition: read them all
            List<TopicPartition> partitions = consumer.partitionsFor("local.smoke.v1").stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<String> values = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).pollInSameThread().pollInterval(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.key() + "=" + record.value());
                }
                return !values.isEmpty();
            });
            assertThat(values).containsExactly("case-1=survives");
        }
    }

    @Test
    void theStoreKeepsDocumentsAcrossARestart() {
        LocalMongoStore.Settings settings = new LocalMongoStore.Settings("127.0.0.1", 0, tmp.resolve("mongo/store.mv"));
        try (LocalMongoStore store = new LocalMongoStore(settings).start();
             MongoClient client = MongoClients.create(store.connectionString())) {
            assertThat(client.getDatabase("admin").runCommand(new Document("ping", 1)).get("ok"))
                    .isIn(1, 1.0);
            client.getDatabase("smoke").getCollection("things").insertOne(new Document("_id", "thing-1").append("n", 1));
        }
        try (LocalMongoStore store = new LocalMongoStore(settings).start();
             MongoClient client = MongoClients.create(store.connectionString())) {
            Document found = client.getDatabase("smoke").getCollection("things").find(new Document("_id", "thing-1")).first();
            assertThat(found).isNotNull();
            assertThat(found.get("n")).isEqualTo(1);
        }
    }

    @Test
    void aDocumentOfEveryValueTypeComesBackUnchangedFromTheStoreFileAfterARestart() {
        LocalMongoStore.Settings settings = new LocalMongoStore.Settings("127.0.0.1", 0, tmp.resolve("mongo/types.mv"));
        Document written = new Document("_id", "case-1")
                .append("text", "Trẻ em cần được bảo vệ — khẩn cấp")
                .append("int", 42).append("long", 9_007_199_254_740_993L).append("double", 0.1)
                .append("decimal", new org.bson.types.Decimal128(new java.math.BigDecimal("12.50")))
                .append("flag", true).append("nothing", null)
                .append("at", java.util.Date.from(java.time.Instant.parse("2026-11-23T01:02:03.456Z")))
                .append("objectId", new org.bson.types.ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("uuid", new org.bson.types.Binary((byte) 4, new byte[16]))
                .append("bytes", new org.bson.types.Binary(new byte[]{1, 2, 3}))
                .append("referrals", List.of(new Document("referralId", "r-1").append("due", 3),
                        new Document("referralId", "r-2").append("tags", List.of("a", "b"))))
                .append("nested", new Document("deeper", new Document("deepest", List.of(1, 2.5, "x"))));
        try (LocalMongoStore store = new LocalMongoStore(settings).start();
             MongoClient client = MongoClients.create(store.connectionString())) {
            client.getDatabase("types").getCollection("cases").insertOne(written);
        }
        try (LocalMongoStore store = new LocalMongoStore(settings).start();
             MongoClient client = MongoClients.create(store.connectionString())) {
            Document read = client.getDatabase("types").getCollection("cases").find(new Document("_id", "case-1"))
                    .first();
            assertThat(read).isEqualTo(written);
            assertThat(read.get("long")).isInstanceOf(Long.class);
            assertThat(read.get("int")).isInstanceOf(Integer.class);
        }
    }

    @Test
    void queriesOnTheIdAndMoreFieldsAnswerAsAScanWouldAndStayFastAsTheCollectionGrows() {
        try (LocalMongoStore store = new LocalMongoStore(new LocalMongoStore.Settings("127.0.0.1", 0, null)).start();
             MongoClient client = MongoClients.create(store.connectionString())) {
            var cases = client.getDatabase("referral").getCollection("cases");
            List<Document> documents = new java.util.ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                documents.add(new Document("_id", "case-" + i).append("version", 1).append("pending", i % 2 == 0));
            }
            cases.insertMany(documents);

            // an optimistic update at the right version matches once, at a stale version not at all
            assertThat(cases.updateOne(new Document("_id", "case-7").append("version", 1),
                    new Document("$set", new Document("version", 2))).getMatchedCount()).isEqualTo(1);
            assertThat(cases.updateOne(new Document("_id", "case-7").append("version", 1),
                    new Document("$set", new Document("version", 3))).getMatchedCount()).isZero();
            assertThat(cases.find(new Document("_id", "case-7").append("version", 2)).first()).isNotNull();
            assertThat(cases.find(new Document("_id", "case-8").append("version", new Document("$gte", 1))
                    .append("pending", true)).first()).isNotNull();
            assertThat(cases.find(new Document("_id", "case-9").append("pending", true)).first()).isNull();
            assertThat(cases.find(new Document("_id", "no-such-case").append("version", 1)).first()).isNull();
            // operator expressions on the id still scan and still answer
            assertThat(cases.countDocuments(new Document("_id", new Document("$in", List.of("case-1", "case-2", "x")))
                    .append("version", 1))).isEqualTo(2);

            long started = System.nanoTime();
            for (int i = 0; i < 500; i++) {
                cases.updateOne(new Document("_id", "case-" + (i * 5)).append("version", 1),
                        new Document("$set", new Document("touched", true)));
            }
            long perUpdateMicros = (System.nanoTime() - started) / 500 / 1_000;
            System.out.printf("stand-in: update by {_id, version} in a 3,000-document collection: %d µs%n", perUpdateMicros);
            assertThat(perUpdateMicros).as("no scan of the collection per update").isLessThan(20_000);
        }
    }

    @Test
    void theStoreAnswersHelloSoThatSpringBootsMongoHealthIsUp() {
        try (LocalMongoStore store = new LocalMongoStore(new LocalMongoStore.Settings("127.0.0.1", 0, null)).start();
             MongoClient client = MongoClients.create(store.connectionString())) {
            Document hello = client.getDatabase("reporting").runCommand(new Document("hello", 1));

            assertThat(hello.get("ok")).isIn(1, 1.0);
            assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
            assertThat(hello.get("maxWireVersion")).isNotNull();
        }
    }

    @Test
    void aQueryWhoseAnswerIsLargerThanOneWireMessageComesBackWholeInBatches() {
        String filler = "x".repeat(100_000);
        try (LocalMongoStore store = new LocalMongoStore(new LocalMongoStore.Settings("127.0.0.1", 0, null)).start();
             MongoClient client = MongoClients.create(store.connectionString())) {
            var facts = client.getDatabase("reporting").getCollection("facts");
            for (int batch = 0; batch < 6; batch++) {
                List<Document> documents = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    documents.add(new Document("_id", batch * 100 + i).append("filler", filler));
                }
                facts.insertMany(documents);
            }

            // 600 documents of 100 KB: one reply would be 60 MB, over the driver's 48 MB
            List<Integer> ids = new ArrayList<>();
            facts.find().forEach(document -> ids.add(document.getInteger("_id")));
            List<Integer> limited = new ArrayList<>();
            facts.find().limit(150).forEach(document -> limited.add(document.getInteger("_id")));

            assertThat(ids).hasSize(600).doesNotHaveDuplicates();
            assertThat(limited).hasSize(150).doesNotHaveDuplicates();
        }
    }

    private static int freePort() throws IOException {
        return FreePorts.next();
    }
}
