package vn.childprotection.platform.reporting.browser;

import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.testsupport.MongoStandIn;

/** The dashboard scenarios on the embedded KRaft broker and the in-memory MongoDB stand-in. */
@EmbeddedKafka(partitions = 1, topics = {Topics.CASE_EVENTS, "case.events.v1.reporting-service.dlt"})
@TestPropertySource(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
class DashboardBrowserIT extends DashboardBrowserScenario {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        MongoStandIn.register(registry);
    }
}
