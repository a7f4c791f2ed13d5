package vn.childprotection.platform.reporting.it;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import vn.childprotection.platform.testsupport.Docker;

/** The same scenarios on real MongoDB and Kafka images; skipped where no Docker engine answers. */
@Testcontainers(disabledWithoutDocker = true)
class ReportingContainersIT extends ReportingScenario {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer(Docker.MONGO_IMAGE);

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer(Docker.KAFKA_IMAGE);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("reporting_it"));
        registry.add("spring.mongodb.database", () -> "reporting_it");
    }
}
