package vn.childprotection.platform.audit.it;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;
import vn.childprotection.platform.testsupport.RealInfrastructure;

/** The same scenarios on real MongoDB and Kafka images; skipped where no Docker engine answers. */
@Testcontainers(disabledWithoutDocker = true)
class AuditTrailContainersIT extends AuditTrailScenario {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "audit_it");
    }
}
