package vn.childprotection.platform.audit.it;

import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.testsupport.MongoStandIn;

/** The scenarios on spring-kafka-test's embedded KRaft broker and the in-memory MongoDB stand-in. */
@EmbeddedKafka(partitions = 3, topics = {Topics.AUDIT_EVENTS, AuditTrailScenario.DLT})
@TestPropertySource(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
class AuditTrailEmbeddedIT extends AuditTrailScenario {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        MongoStandIn.register(registry);
    }
}
