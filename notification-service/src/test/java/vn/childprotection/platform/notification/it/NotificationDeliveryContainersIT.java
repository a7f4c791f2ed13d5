package vn.childprotection.platform.notification.it;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;
import vn.childprotection.platform.testsupport.RealInfrastructure;

/** The delivery loop on real MongoDB and Kafka images; skipped where no Docker engine answers. */
@Testcontainers(disabledWithoutDocker = true)
class NotificationDeliveryContainersIT extends NotificationDeliveryScenario {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "notification_delivery_it");
    }
}
