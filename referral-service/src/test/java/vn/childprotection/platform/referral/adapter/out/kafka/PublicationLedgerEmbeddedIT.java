package vn.childprotection.platform.referral.adapter.out.kafka;

import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** The outbox's Kafka adapters on spring-kafka-test's embedded KRaft broker (no Spring context needed). */
@EmbeddedKafka
class PublicationLedgerEmbeddedIT extends PublicationLedgerScenario {

    @Override
    String bootstrapServers() {
        return EmbeddedKafkaCondition.getBroker().getBrokersAsString();
    }
}
