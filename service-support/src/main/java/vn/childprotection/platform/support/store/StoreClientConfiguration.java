package vn.childprotection.platform.support.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How long a service's store client waits for a store it cannot reach, for a service to {@code @Import}: the driver's
 * default (30 s to select a server) kept a consumer, a scheduled job and even a health check hanging for half a
 * minute per attempt while the store was away — long enough for a health probe to time out instead of answering
 * DOWN. With a few seconds, a health check answers in time, and the consumers (which try again until the store is
 * back, service-support's {@code ResilientConsumers}) notice it is back within seconds.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreClientConfiguration.StoreClientProperties.class)
public class StoreClientConfiguration {

    /**
     * {@code platform.store-client.*}.
     *
     * @param serverSelectionTimeout how long an operation waits for a reachable store before it fails
     * @param connectTimeout         how long opening a connection may take
     */
    @ConfigurationProperties("platform.store-client")
    public record StoreClientProperties(@DefaultValue("5s") Duration serverSelectionTimeout,
                                        @DefaultValue("3s") Duration connectTimeout) {
    }

    @Bean
    MongoClientSettingsBuilderCustomizer boundedStoreWaits(StoreClientProperties properties) {
        return settings -> settings
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        properties.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(
                        (int) properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS));
    }
}
