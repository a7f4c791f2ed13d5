package vn.childprotection.platform.notification.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import vn.childprotection.platform.access.Operation;
import vn.childprotection.platform.notification.adapter.in.scheduling.DeliveryScheduler;
import vn.childprotection.platform.notification.adapter.out.cache.CachedCaseProvinces;
import vn.childprotection.platform.notification.adapter.out.channel.RecordingChannel;
import vn.childprotection.platform.notification.adapter.out.directory.ConfiguredRecipientDirectory;
import vn.childprotection.platform.notification.adapter.out.metrics.MicrometerNotificationMetrics;
import vn.childprotection.platform.notification.adapter.out.mongo.MongoCaseProvinces;
import vn.childprotection.platform.notification.adapter.out.mongo.MongoInformantContacts;
import vn.childprotection.platform.notification.adapter.out.mongo.MongoNotificationRepository;
import vn.childprotection.platform.notification.application.FindNotificationsService;
import vn.childprotection.platform.notification.application.NotificationChannels;
import vn.childprotection.platform.notification.application.NotificationDispatcher;
import vn.childprotection.platform.notification.application.RecordReferralNotificationService;
import vn.childprotection.platform.notification.application.StoreRetry;
import vn.childprotection.platform.notification.application.port.in.FindNotificationsUseCase;
import vn.childprotection.platform.notification.application.port.out.CaseProvinces;
import vn.childprotection.platform.notification.application.port.out.DeliveryHandOff;
import vn.childprotection.platform.notification.application.port.out.InformantContacts;
import vn.childprotection.platform.notification.application.port.out.ContactErasureAudit;
import vn.childprotection.platform.notification.application.port.in.RecordReferralNotificationUseCase;
import vn.childprotection.platform.notification.application.AuditedInformantContacts;
import vn.childprotection.platform.notification.application.InformantContactRetentionService;
import vn.childprotection.platform.notification.adapter.out.audit.AuditTrailContactErasureAudit;
import vn.childprotection.platform.notification.adapter.in.scheduling.InformantContactRetentionJob;
import vn.childprotection.platform.support.audit.AuditTrail;
import org.springframework.context.annotation.Primary;
import vn.childprotection.platform.notification.application.port.out.NotificationChannel;
import vn.childprotection.platform.notification.application.port.out.NotificationEventPublisher;
import vn.childprotection.platform.notification.application.port.out.NotificationMetrics;
import vn.childprotection.platform.notification.application.port.out.NotificationRepository;
import vn.childprotection.platform.notification.application.port.out.RecipientDirectory;
import vn.childprotection.platform.support.security.EndpointOperations.Endpoint;
import vn.childprotection.platform.support.security.EndpointOperations;
import vn.childprotection.platform.support.store.StoreHealthIndicator;

import java.time.Clock;
import java.util.List;

/** Wires the use cases to their adapters. A new delivery channel is one more {@link NotificationChannel} bean. */
@Configuration(proxyBeanMethods = false)
public class NotificationConfiguration {

    /** The endpoints and their operations (docs/authorization.md): the filter chain's role check before any body. */
    @Bean
    EndpointOperations endpointOperations() {
        return new EndpointOperations(List.of(
                Endpoint.of(HttpMethod.GET, "/api/v1/notifications", Operation.LIST_NOTIFICATIONS),
                Endpoint.of(HttpMethod.GET, "/api/v1/notifications/{id}", Operation.LIST_NOTIFICATIONS),
                Endpoint.of(HttpMethod.POST, "/api/v1/notifications/{id}/retry", Operation.RETRY_NOTIFICATION)));
    }


    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(initMethod = "createIndexes")
    MongoNotificationRepository notificationRepository(MongoTemplate mongoTemplate) {
        return new MongoNotificationRepository(mongoTemplate);
    }

    /** Health contributor {@code notificationStore}, part of the readiness group. */
    @Bean
    StoreHealthIndicator notificationStoreHealthIndicator(MongoTemplate mongoTemplate) {
        return new StoreHealthIndicator(mongoTemplate);
    }

    @Bean
    RecordingChannel recordingChannel() {
        return new RecordingChannel();
    }

    @Bean
    NotificationChannels notificationChannels(List<NotificationChannel> channels) {
        return new NotificationChannels(channels);
    }

    @Bean
    RecipientDirectory recipientDirectory(DirectoryProperties properties) {
        return new ConfiguredRecipientDirectory(properties.toDirectory());
    }

    @Bean
    NotificationMetrics notificationMetrics(MeterRegistry registry) {
        return new MicrometerNotificationMetrics(registry);
    }

    @Bean
    MongoInformantContacts mongoInformantContacts(MongoTemplate mongoTemplate, Clock clock) {
        return new MongoInformantContacts(mongoTemplate, clock);
    }

    @Bean
    ContactErasureAudit contactErasureAudit(AuditTrail auditTrail, Clock clock) {
        return new AuditTrailContactErasureAudit(auditTrail, clock);
    }

    /** The informant contacts the use cases see: each erasure after a delivered outcome is an audit record. */
    @Bean
    @Primary
    InformantContacts informantContacts(MongoInformantContacts contacts, ContactErasureAudit audit) {
        return new AuditedInformantContacts(contacts, audit);
    }

    @Bean
    InformantContactRetentionService informantContactRetention(MongoInformantContacts contacts,
                                                               ContactErasureAudit audit, Clock clock,
                                                               InformantContactProperties properties) {
        return new InformantContactRetentionService(contacts, audit, clock, properties.maxKept(),
                properties.batch());
    }

    @Bean
    InformantContactRetentionJob informantContactRetentionJob(InformantContactRetentionService retention,
                                                              InformantContactProperties properties) {
        return new InformantContactRetentionJob(retention, properties.interval(), properties.enabled());
    }

    /** The case events' use case: a {@code PersonalDataErased} makes the informant's phone go, nothing else. */
    @Bean
    @Primary
    RecordReferralNotificationUseCase caseEventsUseCase(RecordReferralNotificationService notifications,
                                                        InformantContactRetentionService retention) {
        return retention.forgettingOnErasure(notifications);
    }

    @Bean
    CaseProvinces caseProvinces(MongoTemplate mongoTemplate) {
        // provinces never change once a case is opened: recent ones are kept in memory (CachedCaseProvinces)
        return new CachedCaseProvinces(new MongoCaseProvinces(mongoTemplate), CachedCaseProvinces.DEFAULT_SIZE);
    }

    @Bean
    RecordReferralNotificationService recordReferralNotificationService(NotificationRepository repository,
                                                                        RecipientDirectory directory,
                                                                        NotificationChannels channels,
                                                                        NotificationMetrics metrics,
                                                                        InformantContacts informants,
                                                                        CaseProvinces provinces, Clock clock,
                                                                        ObjectProvider<DeliveryScheduler> scheduler) {
        // the consumer hands what it stored to the delivery workers (no scan); without them the poll finds it
        DeliveryHandOff handOff = scheduler.getIfAvailable();
        return new RecordReferralNotificationService(repository, directory, channels, metrics, informants, provinces,
                clock, handOff == null ? DeliveryHandOff.NONE : handOff);
    }

    @Bean
    NotificationDispatcher notificationDispatcher(NotificationRepository repository, NotificationChannels channels,
                                                  NotificationEventPublisher events, InformantContacts informants,
                                                  NotificationMetrics metrics, Clock clock,
                                                  DeliveryProperties delivery) {
        DeliveryProperties.StoreRetry store = delivery.storeRetry();
        return new NotificationDispatcher(repository, channels, events, informants, metrics, clock,
                new NotificationDispatcher.Settings(delivery.lease(), delivery.deferral(),
                        new StoreRetry.Policy(store.initialBackoff(), store.multiplier(), store.maxBackoff(),
                                store.safetyMargin())));
    }

    /** Starts with the context, after the store is ready; {@code notification.delivery.enabled=false} turns it off. */
    @Bean
    @ConditionalOnProperty(name = "notification.delivery.enabled", havingValue = "true", matchIfMissing = true)
    DeliveryScheduler deliveryScheduler(NotificationDispatcher dispatcher, DeliveryProperties delivery) {
        return new DeliveryScheduler(dispatcher, delivery.pollInterval(), delivery.workers(),
                delivery.handOffCapacity());
    }

    @Bean
    FindNotificationsUseCase findNotificationsUseCase(NotificationRepository repository) {
        return new FindNotificationsService(repository);
    }
}
