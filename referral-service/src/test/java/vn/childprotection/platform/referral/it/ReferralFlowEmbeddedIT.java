package vn.childprotection.platform.referral.it;

import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.testsupport.MongoStandIn;

/** The referral flow on spring-kafka-test's embedded KRaft broker and the in-memory MongoDB stand-in. */
@EmbeddedKafka(partitions = 1, topics = {Topics.INTAKE_REPORTS, Topics.INTAKE_REPORTS_URGENT, ReferralFlowScenario.DLT})
@TestPropertySource(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
class ReferralFlowEmbeddedIT extends ReferralFlowScenario {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        MongoStandIn.register(registry);
    }
}
