package vn.childprotection.platform.referral.it;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;
import vn.childprotection.platform.testsupport.RealInfrastructure;

/** The agency loop on real MongoDB and Kafka images; skipped where no Docker engine answers. */
@Testcontainers(disabledWithoutDocker = true)
class AgencyLoopContainersIT extends AgencyLoopScenario {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "referral_loop_it");
    }
}
