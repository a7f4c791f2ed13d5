package vn.childprotection.platform.notification.it;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;
import vn.childprotection.platform.testsupport.Docker;

/** The notification store on a real MongoDB image; skipped where no Docker engine answers. */
@Testcontainers(disabledWithoutDocker = true)
class NotificationStoreContainersIT extends NotificationStoreScenario {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer(DockerImageName.parse(Docker.MONGO_IMAGE));

    @Override
    String mongoUri() {
        return MONGO.getReplicaSetUrl();
    }
}
