package vn.childprotection.platform.intake.it;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;
import vn.childprotection.platform.testsupport.RealInfrastructure;

/** Intake on real MongoDB and Kafka images; skipped where no Docker engine answers. */
@Testcontainers(disabledWithoutDocker = true)
class IntakeContainersIT extends IntakeScenario {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "intake_it");
    }
}
