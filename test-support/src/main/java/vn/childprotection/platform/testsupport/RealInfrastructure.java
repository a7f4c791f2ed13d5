package vn.childprotection.platform.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Real MongoDB (a single-node replica set) and a real Kafka broker from their images, for the {@code *ContainersIT}
 * variants of the integration scenarios. Started once per test JVM on first use and shared by every test class
 * (Testcontainers' Ryuk removes them when the JVM exits). Use only from classes annotated
 * {@code @Testcontainers(disabledWithoutDocker = true)}, so that nothing is started where no Docker engine answers.
 */
public final class RealInfrastructure {

    private static MongoDBContainer mongo;
    private static KafkaContainer kafka;

    private RealInfrastructure() {
    }

    /** Points a Spring test context at the real servers, with its own database. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.mongodb.uri", RealInfrastructure::mongoUri);
        registry.add("spring.mongodb.database", () -> database);
        registry.add("spring.kafka.bootstrap-servers", RealInfrastructure::kafkaBootstrapServers);
    }

    public static synchronized String mongoUri() {
        if (mongo == null) {
            mongo = new MongoDBContainer(DockerImageName.parse(Docker.MONGO_IMAGE));
            mongo.start();
        }
        return mongo.getReplicaSetUrl();
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = new KafkaContainer(DockerImageName.parse(Docker.KAFKA_IMAGE));
            kafka.start();
        }
        return kafka.getBootstrapServers();
    }
}
