package vn.childprotection.platform.notification.it;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;
import vn.childprotection.platform.testsupport.Docker;

/** The delivery loop on real MongoDB and Kafka images; skipped where no Docker engine answers. */
@Testcontainers(disabledWithoutDocker = true)
class NotificationDeliveryContainersIT extends NotificationDeliveryScenario {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer(DockerImageName.parse(Docker.MONGO_IMAGE));

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer(DockerImageName.parse(Docker.KAFKA_IMAGE));

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", MONGO::getReplicaSetUrl);
        registry.add("spring.mongodb.database", () -> "notification_delivery_it");
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
    }
}
