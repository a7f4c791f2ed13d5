package vn.childprotection.platform.referral.adapter.out.kafka;

import org.testcontainers.junit.jupiter.Testcontainers;
import vn.childprotection.platform.testsupport.RealInfrastructure;

/** The outbox's Kafka adapters on a real Kafka image; skipped where no Docker engine answers. */
@Testcontainers(disabledWithoutDocker = true)
class PublicationLedgerContainersIT extends PublicationLedgerScenario {

    @Override
    String bootstrapServers() {
        return RealInfrastructure.kafkaBootstrapServers();
    }
}
