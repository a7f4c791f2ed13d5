package vn.childprotection.platform.reporting.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import vn.childprotection.platform.support.messaging.EventSchemas;
import vn.childprotection.platform.support.messaging.KafkaConnection;
import vn.childprotection.platform.access.Operation;
import vn.childprotection.platform.areas.AreaMaps;
import vn.childprotection.platform.areas.AreaMapsLoader;
import vn.childprotection.platform.reporting.adapter.in.web.ProjectionStream;
import vn.childprotection.platform.reporting.adapter.out.kafka.KafkaEventLog;
import vn.childprotection.platform.reporting.adapter.out.mongo.MongoFactReader;
import vn.childprotection.platform.reporting.adapter.out.mongo.MongoFactStore;
import vn.childprotection.platform.reporting.adapter.out.mongo.MongoGenerations;
import vn.childprotection.platform.reporting.application.EventProjector;
import vn.childprotection.platform.reporting.application.ProjectionTargets;
import vn.childprotection.platform.reporting.application.RebuildService;
import vn.childprotection.platform.reporting.application.StatsService;
import vn.childprotection.platform.reporting.application.port.out.FactReader;
import vn.childprotection.platform.reporting.application.port.out.FactStore;
import vn.childprotection.platform.reporting.application.port.out.Generations;
import vn.childprotection.platform.reporting.domain.Areas;
import vn.childprotection.platform.reporting.domain.Indicators;
import vn.childprotection.platform.reporting.domain.ReportCalendar;
import vn.childprotection.platform.support.security.EndpointOperations.Endpoint;
import vn.childprotection.platform.support.security.EndpointOperations;
import vn.childprotection.platform.support.store.StoreHealthIndicator;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Wires the use cases to the adapters (the domain and application are plain Java, not scanned) and loads the data
 * files — indicators and targets, the reporting calendar, the administrative maps — failing the start when one is
 * invalid.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RebuildProperties.class, ProjectionProperties.class, StatsProperties.class,
        StreamProperties.class})
public class ReportingConfig {

    /** The endpoints and their operations (docs/authorization.md): the filter chain's role check before any body. */
    @Bean
    EndpointOperations endpointOperations() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (String view : List.of("overview", "timeseries", "breakdown", "funnel", "indicators")) {
            endpoints.add(Endpoint.of(HttpMethod.GET, "/api/v1/stats/" + view, Operation.READ_FIGURES,
                    Operation.EXPORT_FIGURES));
        }
        endpoints.addAll(List.of(
                Endpoint.of(HttpMethod.GET, "/api/v1/stats/stream", Operation.READ_FIGURES),
                Endpoint.of(HttpMethod.GET, "/api/v1/stats/overdue", Operation.READ_OVERDUE),
                Endpoint.of(HttpMethod.GET, "/api/v1/stats/repeats", Operation.READ_CASE),
                Endpoint.of(HttpMethod.GET, "/api/v1/reports/calendar", Operation.READ_FIGURES),
                Endpoint.of(HttpMethod.GET, "/api/v1/reports/periodic", Operation.EXPORT_FIGURES),
                Endpoint.of(HttpMethod.GET, "/api/v1/areas", Operation.READ_FIGURES),
                Endpoint.of(HttpMethod.GET, "/api/v1/facts/cases/{caseId}", Operation.READ_OPERATIONS),
                Endpoint.of(HttpMethod.POST, "/api/v1/projections/rebuild", Operation.REBUILD_PROJECTIONS),
                Endpoint.of(HttpMethod.GET, "/api/v1/projections/rebuild", Operation.REBUILD_PROJECTIONS)));
        return new EndpointOperations(endpoints);
    }


    static final String INDICATORS = "reporting/indicators.json";
    static final String CALENDAR = "reporting/reporting-calendar.json";

    private static final JsonMapper DATA = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The administrative maps of the areas module, checked as they load (a broken map fails the start). */
    @Bean
    AreaMaps areaMaps() {
        return AreaMapsLoader.shipped();
    }

    @Bean
    Areas areas(AreaMaps maps) {
        return new Areas(maps);
    }

    @Bean
    MongoFactStore factStore(MongoTemplate mongo, Areas areas) {
        return new MongoFactStore(mongo, areas);
    }

    /** Readiness of the facts' store (one ping), instead of Spring Boot's MongoHealthIndicator. */
    @Bean
    StoreHealthIndicator reportingStoreHealthIndicator(MongoTemplate mongo) {
        return new StoreHealthIndicator(mongo);
    }

    @Bean
    MongoGenerations generations(MongoTemplate mongo) {
        return new MongoGenerations(mongo);
    }

    @Bean
    FactReader factReader(MongoTemplate mongo, Areas areas) {
        return new MongoFactReader(mongo, areas);
    }

    @Bean
    ProjectionTargets projectionTargets(Generations generations, FactStore store) {
        long active = generations.active();
        store.prepare(active);
        return new ProjectionTargets(active);
    }

    @Bean
    ProjectionStream projectionStream(StreamProperties stream) {
        return new ProjectionStream(stream.limits());
    }

    @Bean
    EventProjector eventProjector(FactStore store, ProjectionTargets targets, ProjectionStream stream, Clock clock,
                                  Areas areas, ProjectionProperties projection) {
        return new EventProjector(store, targets, stream, clock, areas, projection.caseContextCacheSize());
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService rebuildExecutor() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "projection-rebuild");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    RebuildService rebuildService(KafkaProperties kafka, EventSchemas schemas,
                                  FactStore store, Generations generations, ProjectionTargets targets,
                                  EventProjector projector, ExecutorService rebuildExecutor, Clock clock,
                                  RebuildProperties rebuild) {
        RebuildService service = new RebuildService(
                new KafkaEventLog(KafkaConnection.of(kafka), rebuild.patience(), schemas),
                store, generations, targets, projector, rebuildExecutor, clock, rebuild.maxEventsPerPass());
        service.recoverInterrupted();
        return service;
    }

    @Bean
    Indicators.Catalog indicatorCatalog() {
        return Indicators.validated(read(INDICATORS, Indicators.Catalog.class));
    }

    @Bean
    ReportCalendar reportCalendar() {
        return read(CALENDAR, ReportCalendar.class).validated();
    }

    @Bean
    StatsService statsService(FactReader reader, FactStore store, ProjectionTargets targets,
                              Indicators.Catalog indicators, ReportCalendar calendar, Areas areas, Clock clock,
                              StatsProperties limits) {
        return new StatsService(reader, store, targets, indicators, calendar, areas, clock, limits.limits());
    }

    static <T> T read(String resource, Class<T> type) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return DATA.readValue(in, type);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }
}
