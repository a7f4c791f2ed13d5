package vn.childprotection.platform.reporting.it;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import vn.childprotection.platform.support.messaging.EventSchemas;
import vn.childprotection.platform.support.messaging.KafkaConnection;
import vn.childprotection.platform.contracts.Event;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.NotificationDelivered;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.reporting.adapter.out.kafka.KafkaEventLog;
import vn.childprotection.platform.reporting.adapter.out.mongo.MongoFactStore;
import vn.childprotection.platform.reporting.adapter.out.mongo.MongoGenerations;
import vn.childprotection.platform.reporting.application.EventProjector;
import vn.childprotection.platform.reporting.application.ProjectionTargets;
import vn.childprotection.platform.reporting.application.RebuildService;
import vn.childprotection.platform.reporting.application.RebuildStatus;
import vn.childprotection.platform.reporting.fixtures.BenchmarkTraffic;
import vn.childprotection.platform.reporting.fixtures.ShippedMaps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rebuild benchmark (target: a projection rebuild of at least 20,000 events/s). PRINTS the numbers, asserts only
 * that the rebuilt generation holds every fact: timing on a shared 2-core machine is not a test verdict.
 * <p>
 * Data: {@link BenchmarkTraffic}, at least {@code rebuild.benchmark.events} events (default 50,000) produced to the
 * embedded KRaft broker (case.events.v1 with 3 partitions as the binder creates it, and the two notification topics).
 * Store: mongo-java-server with the H2 (MVStore) file backend and the oplog off — what {@code ./platform} runs
 * ({@code deploy}'s {@code MongoStandInMain}) — in {@code target/rebuild-benchmark/store.mv}. The rebuild runs
 * through the service's own {@link RebuildService} and adapters; three times: cold (first rebuild after the start,
 * JIT not warm), warm (the second also drops the first's generation), and in three passes over the log (bounded
 * memory), which must give the same facts.
 * <p>
 * Opt-in (it takes about half a minute):
 * {@code ./mvnw -B -q verify -pl reporting-service -Drebuild.benchmark=true -Dit.test=RebuildBenchmarkIT
 * -Dsurefire.skip=true} — add {@code -Drebuild.benchmark.events=200000} for another size.
 */
@EnabledIfSystemProperty(named = "rebuild.benchmark", matches = "true")
@EmbeddedKafka(partitions = 3, topics = {Topics.CASE_EVENTS, Topics.NOTIFICATIONS_DELIVERED,
        Topics.NOTIFICATIONS_FAILED})
class RebuildBenchmarkIT {

    private static final Path STORE = Path.of("target", "rebuild-benchmark", "store.mv");

    private static MongoServer server;
    private static MongoClient client;

    @BeforeAll
    static void startStore() throws IOException {
        Files.createDirectories(STORE.getParent());
        Files.deleteIfExists(STORE);
        server = new MongoServer(new H2Backend(STORE.toString()));
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    @AfterAll
    static void stopStore() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.shutdownNow();
        }
    }

    @Test
    void rebuild_rate_on_the_h2_store(EmbeddedKafkaBroker broker) {
        int minEvents = Integer.getInteger("rebuild.benchmark.events", 50_000);
        BenchmarkTraffic traffic = new BenchmarkTraffic(2027, minEvents, 6L);
        long produced = produce(broker.getBrokersAsString(), traffic);

        MongoTemplate mongo = new MongoTemplate(client, "reporting");
        MongoFactStore store = new MongoFactStore(mongo, ShippedMaps.AREAS);
        MongoGenerations generations = new MongoGenerations(mongo);
        long active = generations.active();
        store.prepare(active);
        ProjectionTargets targets = new ProjectionTargets(active);
        EventProjector projector = new EventProjector(store, targets, applied -> {
        }, Clock.systemUTC(), ShippedMaps.AREAS);
        RebuildService onePass = rebuildService(broker, store, generations, targets, projector, Long.MAX_VALUE);
        // the same log in three passes, each folding a third of the cases (bounded memory): the same facts
        RebuildService threePasses = rebuildService(broker, store, generations, targets, projector,
                traffic.events() / 3 + 1);

        System.out.printf("rebuild benchmark: %,d events (%,d cases, %,d referrals, %,d notifications) produced in "
                        + "%.1f s; store: mongo-java-server %s, H2 MVStore file %s, oplog off%n",
                traffic.events(), traffic.cases(), traffic.referrals(), traffic.notifications().size(),
                produced / 1e9, "1.47", STORE);
        for (String run : new String[]{"cold", "warm", "three passes"}) {
            RebuildService rebuild = run.equals("three passes") ? threePasses : onePass;
            long t0 = System.nanoTime();
            RebuildStatus started = rebuild.start().orElseThrow();
            double seconds = (System.nanoTime() - t0) / 1e9;
            RebuildStatus done = rebuild.latest().orElseThrow();
            System.out.printf("rebuild (%s): %,d events in %.2f s = %,.0f events/s; %,d facts in generation %d (%s)%n",
                    run, done.eventsRead(), seconds, done.eventsRead() / seconds, done.factsWritten(),
                    started.generation(), done.state());

            assertThat(done.state()).isEqualTo(RebuildStatus.State.COMPLETED);
            assertThat(done.eventsRead()).isEqualTo(traffic.events());
            long generation = targets.active();
            assertThat(generation).isEqualTo(started.generation());
            assertThat(mongo.getCollection(MongoFactStore.cases(generation)).countDocuments())
                    .isEqualTo(traffic.cases());
            assertThat(mongo.getCollection(MongoFactStore.referrals(generation)).countDocuments())
                    .isEqualTo(traffic.referrals());
            assertThat(mongo.getCollection(MongoFactStore.notifications(generation)).countDocuments())
                    .isEqualTo(traffic.notifications().size());
        }
    }

    private static RebuildService rebuildService(EmbeddedKafkaBroker broker, MongoFactStore store,
                                                 MongoGenerations generations, ProjectionTargets targets,
                                                 EventProjector projector, long maxEventsPerPass) {
        KafkaEventLog log = new KafkaEventLog(KafkaConnection.plaintext(broker.getBrokersAsString()),
                Duration.ofSeconds(30), EventSchemas.ofCatalog());
        return new RebuildService(log, store, generations, targets, projector, Runnable::run, Clock.systemUTC(),
                maxEventsPerPass);
    }

    /** @return nanoseconds spent producing */
    private static long produce(String brokers, BenchmarkTraffic traffic) {
        long t0 = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), new ByteArraySerializer())) {
            for (Event event : traffic.caseEvents()) {
                producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, event.caseId(), EventJson.write(event)));
            }
            for (Event event : traffic.notifications()) {
                String topic = event instanceof NotificationDelivered ? Topics.NOTIFICATIONS_DELIVERED
                        : Topics.NOTIFICATIONS_FAILED;
                producer.send(new ProducerRecord<>(topic, event.caseId(), EventJson.write(event)));
            }
            producer.flush();
        }
        return System.nanoTime() - t0;
    }
}
