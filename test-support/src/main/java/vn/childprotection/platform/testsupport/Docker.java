package vn.childprotection.platform.testsupport;

import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine answers here: Testcontainers scenarios run where it does and are skipped elsewhere. */
public final class Docker {

    /** Images used by the Testcontainers variants of the integration scenarios. */
    public static final String MONGO_IMAGE = "mongo:8.0";
    public static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

    private Docker() {
    }

    public static boolean available() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }
}
