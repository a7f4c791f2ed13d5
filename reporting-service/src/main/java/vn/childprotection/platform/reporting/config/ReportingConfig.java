package vn.childprotection.platform.reporting.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.childprotection.platform.reporting.adapter.out.mongo.MongoFactStore;
import vn.childprotection.platform.reporting.adapter.out.mongo.MongoStatsQuery;
import vn.childprotection.platform.reporting.application.CaseEventProjector;
import vn.childprotection.platform.reporting.application.OverviewService;
import vn.childprotection.platform.reporting.application.port.in.OverviewQuery;
import vn.childprotection.platform.reporting.application.port.in.ProjectCaseEventUseCase;
import vn.childprotection.platform.reporting.application.port.out.FactStore;
import vn.childprotection.platform.reporting.application.port.out.StatsQuery;

import java.time.Clock;

/** Wires the use cases to the MongoDB adapters (the domain and application are plain Java, not scanned). */
@Configuration(proxyBeanMethods = false)
public class ReportingConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    MongoFactStore factStore(MongoTemplate mongo) {
        MongoFactStore store = new MongoFactStore(mongo);
        store.createIndexes();
        return store;
    }

    @Bean
    StatsQuery statsQuery(MongoTemplate mongo) {
        return new MongoStatsQuery(mongo);
    }

    @Bean
    ProjectCaseEventUseCase projectCaseEventUseCase(FactStore factStore, Clock clock) {
        return new CaseEventProjector(factStore, clock);
    }

    @Bean
    OverviewQuery overviewQuery(StatsQuery statsQuery, Clock clock) {
        return new OverviewService(statsQuery, clock);
    }
}
