package vn.childprotection.platform.referral.it;

import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.testsupport.MongoStandIn;

/** The agency loop on spring-kafka-test's embedded KRaft broker and the in-memory MongoDB stand-in. */
@EmbeddedKafka(partitions = 1, topics = {Topics.INTAKE_REPORTS, AgencyLoopScenario.DLT})
@TestPropertySource(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
class AgencyLoopEmbeddedIT extends AgencyLoopScenario {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        MongoStandIn.register(registry);
    }
}
