package vn.childprotection.platform.intake.it;

import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.testsupport.MongoStandIn;

/** Intake on spring-kafka-test's embedded KRaft broker and the in-memory MongoDB stand-in. */
@EmbeddedKafka(partitions = 1, topics = {Topics.INTAKE_REPORTS, Topics.INTAKE_REPORTS_URGENT})
@TestPropertySource(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
class IntakeEmbeddedIT extends IntakeScenario {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        MongoStandIn.register(registry);
    }
}
