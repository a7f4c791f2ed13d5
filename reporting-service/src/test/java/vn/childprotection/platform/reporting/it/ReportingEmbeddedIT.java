package vn.childprotection.platform.reporting.it;

import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.testsupport.MongoStandIn;

/** The scenarios on spring-kafka-test's embedded KRaft broker and the in-memory MongoDB stand-in. */
@EmbeddedKafka(partitions = 1, topics = {Topics.CASE_EVENTS, ReportingScenario.DLT, Topics.NOTIFICATIONS_DELIVERED,
        Topics.NOTIFICATIONS_FAILED, "notifications.delivered.v1.reporting-service.dlt",
        "notifications.failed.v1.reporting-service.dlt"})
@TestPropertySource(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
class ReportingEmbeddedIT extends ReportingScenario {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        MongoStandIn.register(registry);
    }
}
