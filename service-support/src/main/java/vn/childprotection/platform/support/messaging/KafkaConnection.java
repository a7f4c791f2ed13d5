package vn.childprotection.platform.support.messaging;

import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import java.util.HashMap;
import java.util.Map;

/**
 * What a Kafka client of this service needs to reach the broker, and nothing else: the bootstrap servers and, on a
 * secured broker, the security protocol, the SASL and the TLS settings, all from Spring Boot's {@code spring.kafka.*}
 * (for the platform's broker: {@code spring.kafka.security.protocol=SASL_SSL},
 * {@code spring.kafka.properties.sasl.mechanism=SCRAM-SHA-512}, {@code spring.kafka.properties.sasl.jaas.config},
 * {@code spring.kafka.properties.ssl.truststore.type=PEM} and {@code ...ssl.truststore.location}). Every client a
 * service builds by hand (the outbox's producer, the audit trail's, a rebuild's consumer) starts from these, so that
 * none of them connects differently from the binder's.
 */
public final class KafkaConnection {

    private KafkaConnection() {
    }

    /** The connection settings among Spring Boot's Kafka properties. */
    public static Map<String, Object> of(KafkaProperties kafka) {
        Map<String, Object> connection = new HashMap<>();
        kafka.buildAdminProperties().forEach((key, value) -> {
            if (key.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)
                    || key.equals(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG)
                    || key.startsWith("ssl.") || key.startsWith("sasl.")) {
                connection.put(key, value);
            }
        });
        return connection;
    }

    /** Plain bootstrap servers, no security (tests against an unsecured broker). */
    public static Map<String, Object> plaintext(String bootstrapServers) {
        Map<String, Object> connection = new HashMap<>();
        connection.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return connection;
    }
}
