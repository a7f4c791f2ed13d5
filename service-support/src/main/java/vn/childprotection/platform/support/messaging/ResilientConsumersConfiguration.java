package vn.childprotection.platform.support.messaging;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.core.env.Environment;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The beans of {@link ResilientConsumers}, for a service to {@code @Import}: the customizer the Kafka binder applies
 * to every consumer binding (with its dead-letter producer), the progress it records and the {@code consumers} health
 * indicator (add it to the readiness group).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsumerResilienceProperties.class)
public class ResilientConsumersConfiguration {

    @Bean
    ConsumerProgress consumerProgress(ConsumerResilienceProperties properties) {
        return new ConsumerProgress(Clock.systemUTC(), properties.forgetAfter());
    }

    /** The topics' JSON Schemas, which every consumer checks a message against before it touches a store. */
    @Bean
    EventSchemas eventSchemas() {
        return EventSchemas.ofCatalog();
    }

    @Bean
    ConsumersHealthIndicator consumersHealthIndicator(ConsumerProgress consumerProgress,
                                                        ObjectProvider<BindingServiceProperties> bindings,
                                                        Environment environment) {
        return new ConsumersHealthIndicator(consumerProgress, () -> declaredConsumers(bindings.getIfAvailable(),
                environment));
    }

    /** The consumer bindings of the functions the service defines ({@code spring.cloud.function.definition}). */
    static List<ConsumersHealthIndicator.Declared> declaredConsumers(BindingServiceProperties bindings,
                                                                      Environment environment) {
        if (bindings == null) {
            return List.of();
        }
        List<ConsumersHealthIndicator.Declared> declared = new ArrayList<>();
        for (String function : environment.getProperty("spring.cloud.function.definition", "").split("[;|,]")) {
            String name = function.strip() + "-in-0";
            BindingProperties binding = bindings.getBindings().get(name);
            if (!function.isBlank() && binding != null && binding.getDestination() != null) {
                declared.add(new ConsumersHealthIndicator.Declared(name, binding.getDestination(),
                        binding.getGroup()));
            }
        }
        return declared;
    }

    /**
     * The dead-letter producer is the customizer's own (byte[] key and value, as consumed; acks=all), not a bean: a
     * {@code ProducerFactory} or {@code KafkaTemplate} bean would make Spring Boot's own ones back off.
     */
    @Bean(destroyMethod = "close")
    ResilientConsumers resilientConsumers(KafkaProperties kafka, ConsumerProgress consumerProgress,
                                          ConsumerResilienceProperties properties) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters");
        DefaultKafkaProducerFactory<byte[], byte[]> deadLetters = new DefaultKafkaProducerFactory<>(config);
        ExponentialBackOff waitForInfrastructure = new ExponentialBackOff(
                properties.unavailableBackOff().initial().toMillis(), properties.unavailableBackOff().multiplier());
        waitForInfrastructure.setMaxInterval(properties.unavailableBackOff().max().toMillis());
        // no maxElapsedTime, no maxAttempts: the infrastructure is waited for as long as it takes
        return new ResilientConsumers(new KafkaTemplate<>(deadLetters), deadLetters::destroy, consumerProgress,
                waitForInfrastructure);
    }
}
