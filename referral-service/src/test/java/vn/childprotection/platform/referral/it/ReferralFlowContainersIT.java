package vn.childprotection.platform.referral.it;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;
import vn.childprotection.platform.testsupport.RealInfrastructure;

/** The referral flow on real MongoDB and Kafka images; skipped where no Docker engine answers. */
@Testcontainers(disabledWithoutDocker = true)
class ReferralFlowContainersIT extends ReferralFlowScenario {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "referral_it");
    }
}
