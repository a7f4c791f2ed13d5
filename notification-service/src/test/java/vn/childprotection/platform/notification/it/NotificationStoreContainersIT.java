package vn.childprotection.platform.notification.it;

import org.testcontainers.junit.jupiter.Testcontainers;
import vn.childprotection.platform.testsupport.RealInfrastructure;

/** The notification store on a real MongoDB image; skipped where no Docker engine answers. */
@Testcontainers(disabledWithoutDocker = true)
class NotificationStoreContainersIT extends NotificationStoreScenario {

    @Override
    String mongoUri() {
        return RealInfrastructure.mongoUri();
    }
}
