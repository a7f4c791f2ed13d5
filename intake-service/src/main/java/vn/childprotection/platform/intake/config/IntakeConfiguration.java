package vn.childprotection.platform.intake.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import vn.childprotection.platform.access.Operation;
import vn.childprotection.platform.areas.AreaMaps;
import vn.childprotection.platform.areas.AreaMapsLoader;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.intake.adapter.in.web.AdmissionFilter;
import vn.childprotection.platform.intake.adapter.in.web.IntakeMetrics;
import vn.childprotection.platform.intake.adapter.out.kafka.KafkaReportPublisher;
import vn.childprotection.platform.intake.adapter.out.kafka.KafkaRoutingBacklog;
import vn.childprotection.platform.intake.adapter.out.mongo.MongoReportLog;
import vn.childprotection.platform.intake.application.SubmitReportService;
import vn.childprotection.platform.intake.application.port.in.SubmitReportUseCase;
import vn.childprotection.platform.intake.application.port.out.ReportLog;
import vn.childprotection.platform.intake.application.port.out.ReportPublisher;
import vn.childprotection.platform.intake.application.port.out.RoutingBacklog;
import vn.childprotection.platform.intake.domain.ReportPolicy;
import vn.childprotection.platform.support.security.ApiSecurityConfiguration;
import vn.childprotection.platform.support.security.EndpointOperations.Endpoint;
import vn.childprotection.platform.support.security.EndpointOperations;
import vn.childprotection.platform.support.store.StoreHealthIndicator;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Wires intake: the domain policy, the use case and its adapters. */
@Configuration(proxyBeanMethods = false)
@Import(ApiSecurityConfiguration.class)
public class IntakeConfiguration {

    /** The endpoints and their operations (docs/authorization.md): the filter chain's role check before any body. */
    @Bean
    EndpointOperations endpointOperations() {
        return new EndpointOperations(List.of(
                Endpoint.of(HttpMethod.POST, "/api/v1/reports", Operation.SUBMIT_REPORT)));
    }


    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The administrative maps shipped with the platform, read and checked at start: a broken map stops the start. */
    @Bean
    AreaMaps areaMaps() {
        return AreaMapsLoader.shipped();
    }

    @Bean
    ReportPolicy reportPolicy(Clock clock, IntakeProperties properties, AreaMaps areaMaps) {
        return new ReportPolicy(clock, properties.maxReportAge(), properties.maxClockSkew(), areaMaps);
    }

    /**
     * The PUBLISHED marks run off the request path (profile under load: one store round trip less per 202) on a small
     * bounded pool; when it is saturated the request thread marks itself (back-pressure, nothing dropped).
     */
    @Bean(destroyMethod = "close")
    ExecutorService publishedMarker() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(10_000),
                Thread.ofPlatform().name("report-mark-", 0).daemon().factory(), new ThreadPoolExecutor.AbortPolicy());
        return pool;
    }

    @Bean
    SubmitReportUseCase submitReportUseCase(ReportLog reportLog, ReportPublisher publisher, RoutingBacklog backlog,
                                            Clock clock, ExecutorService publishedMarker) {
        return new SubmitReportService(reportLog, publisher, backlog, clock, publishedMarker);
    }

    /** The routing consumer group's backlog on each intake lane, read from the broker ({@link KafkaRoutingBacklog}). */
    @Bean(destroyMethod = "close")
    KafkaRoutingBacklog routingBacklog(KafkaProperties kafka, IntakeProperties properties, MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>(kafka.buildAdminProperties());
        int timeoutMs = (int) Math.max(1000, properties.routingBacklog().refresh().toMillis() * 2);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "intake-routing-backlog");
        return new KafkaRoutingBacklog(Admin.create(config), properties.routingBacklog().group(),
                properties.routingBacklog().maxReports(), properties.routingBacklog().refresh(), meters);
    }

    @Bean
    IntakeMetrics intakeMetrics(MeterRegistry meters) {
        return new IntakeMetrics(meters);
    }

    /** Admission before any work, ahead of every other filter ({@link AdmissionFilter}). */
    @Bean
    FilterRegistrationBean<AdmissionFilter> admissionFilter(IntakeProperties properties, IntakeMetrics metrics) {
        FilterRegistrationBean<AdmissionFilter> registration = new FilterRegistrationBean<>(new AdmissionFilter(
                properties.maxConcurrentReports(), properties.admissionQueue(), properties.admissionWait(),
                properties.retryAfter(), metrics));
        registration.addUrlPatterns(AdmissionFilter.PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    ReportLog reportLog(MongoTemplate mongo) {
        return new MongoReportLog(mongo);
    }

    @Bean
    StoreHealthIndicator reportLogHealthIndicator(MongoTemplate mongo) {
        return new StoreHealthIndicator(mongo);
    }

    /** Fail fast when the store is down, so a request gets a 503 in seconds rather than hanging. */
    @Bean
    MongoClientSettingsBuilderCustomizer boundedMongoTimeouts() {
        return settings -> settings
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(3, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(3, TimeUnit.SECONDS)
                        .readTimeout(5, TimeUnit.SECONDS));
    }

    @Bean
    KafkaReportPublisher reportPublisher(KafkaTemplate<String, byte[]> reportTemplate, IntakeProperties properties,
                                         MeterRegistry meters) {
        return new KafkaReportPublisher(reportTemplate, properties.publishTimeout(), meters);
    }

    /** Once started, the producer connects in the background: the first report does not pay for it. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> reportPublisherConnection(KafkaReportPublisher publisher) {
        return ready -> Thread.ofVirtual().name("report-publisher-connect").start(publisher::connect);
    }

    /**
     * acks=all and idempotence: a 202 means every in-sync replica has the report and a producer retry cannot
     * duplicate it. Blocking and delivery are bounded below the request's publish timeout.
     */
    @Bean
    ProducerFactory<String, byte[]> reportProducerFactory(KafkaProperties kafka, IntakeProperties properties) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        long timeoutMs = properties.publishTimeout().toMillis();
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.max(1000, timeoutMs / 2));
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1000, timeoutMs / 2));
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(2000, timeoutMs));
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new DefaultKafkaProducerFactory<>(config);
    }

    @Bean
    KafkaTemplate<String, byte[]> reportTemplate(ProducerFactory<String, byte[]> reportProducerFactory) {
        return new KafkaTemplate<>(reportProducerFactory);
    }

    @Bean
    NewTopic intakeReportsTopic(IntakeProperties properties) {
        return intakeTopic(Topics.INTAKE_REPORTS, properties);
    }

    /** The EMERGENCY reports' own lane ({@link Topics#intakeReportsFor}). */
    @Bean
    NewTopic urgentIntakeReportsTopic(IntakeProperties properties) {
        return intakeTopic(Topics.INTAKE_REPORTS_URGENT, properties);
    }

    private static NewTopic intakeTopic(String name, IntakeProperties properties) {
        return TopicBuilder.name(name)
                .partitions(properties.topic().partitions())
                .replicas(properties.topic().replicationFactor())
                .build();
    }
}
