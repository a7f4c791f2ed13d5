package vn.childprotection.platform.notification.it;

import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.testsupport.MongoStandIn;

/** The hand-off on the embedded KRaft broker and the MongoDB stand-in (where every non-_id query scans). */
@EmbeddedKafka(partitions = 1, topics = {Topics.CASE_EVENTS, Topics.INTAKE_REPORTS, Topics.NOTIFICATIONS_DELIVERED,
        NotificationDeliveryScenario.FAILED_TOPIC, NotificationDeliveryScenario.DLT})
@TestPropertySource(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
class HandOffEmbeddedIT extends HandOffScenario {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        MongoStandIn.register(registry);
    }
}
