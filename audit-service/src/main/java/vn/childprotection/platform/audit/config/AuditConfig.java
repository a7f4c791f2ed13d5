package vn.childprotection.platform.audit.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import vn.childprotection.platform.access.Operation;
import vn.childprotection.platform.audit.adapter.in.scheduling.RetentionScheduler;
import vn.childprotection.platform.audit.adapter.out.mongo.MongoAuditStore;
import vn.childprotection.platform.audit.adapter.out.mongo.MongoPurgeMarkers;
import vn.childprotection.platform.audit.application.AuditIntake;
import vn.childprotection.platform.audit.application.AuditQueries;
import vn.childprotection.platform.audit.application.ChainVerification;
import vn.childprotection.platform.audit.application.Retention;
import vn.childprotection.platform.support.security.ApiSecurityConfiguration;
import vn.childprotection.platform.support.security.EndpointOperations.Endpoint;
import vn.childprotection.platform.support.security.EndpointOperations;
import vn.childprotection.platform.support.store.StoreHealthIndicator;

import java.time.Clock;
import java.util.List;

/**
 * Wires the use cases to the adapters (the domain and application are plain Java, not scanned), and the API's
 * security: deny by default, bearer tokens, every answer audited (service-support).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditServiceProperties.class)
@Import(ApiSecurityConfiguration.class)
public class AuditConfig {

    /** The endpoints and their operations (docs/authorization.md): the filter chain's role check. */
    @Bean
    EndpointOperations endpointOperations() {
        return new EndpointOperations(List.of(
                Endpoint.of(HttpMethod.GET, "/api/v1/audit", Operation.READ_AUDIT, Operation.EXPORT_AUDIT),
                Endpoint.of(HttpMethod.GET, "/api/v1/audit/verification", Operation.VERIFY_AUDIT_CHAIN)));
    }


    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(initMethod = "createIndexes")
    MongoAuditStore auditStore(MongoTemplate mongo) {
        return new MongoAuditStore(mongo);
    }

    @Bean
    MongoPurgeMarkers purgeMarkers(MongoTemplate mongo) {
        return new MongoPurgeMarkers(mongo);
    }

    /** Readiness of the trail's store (one ping), instead of Spring Boot's MongoHealthIndicator. */
    @Bean
    StoreHealthIndicator auditStoreHealthIndicator(MongoTemplate mongo) {
        return new StoreHealthIndicator(mongo);
    }

    @Bean
    AuditIntake auditIntake(MongoAuditStore store, MongoPurgeMarkers markers) {
        return new AuditIntake(store, markers);
    }

    @Bean
    AuditQueries auditQueries(MongoAuditStore store, AuditServiceProperties properties) {
        return new AuditQueries(store, properties.export().maxRows());
    }

    @Bean
    ChainVerification chainVerification(MongoAuditStore store, MongoPurgeMarkers markers) {
        return new ChainVerification(store, markers);
    }

    @Bean
    Retention retention(MongoAuditStore store, MongoPurgeMarkers markers, AuditServiceProperties properties,
                        Clock clock) {
        return new Retention(store, markers, properties.retention(), properties.purge().sliceSize(), clock);
    }

    @Bean
    RetentionScheduler retentionScheduler(Retention retention, AuditServiceProperties properties) {
        return new RetentionScheduler(retention, properties.purge().initialDelay(), properties.purge().interval());
    }
}
