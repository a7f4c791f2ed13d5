package vn.childprotection.platform.referral.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;
import vn.childprotection.platform.referral.adapter.in.messaging.ReportConsumer;
import vn.childprotection.platform.referral.adapter.in.scheduling.OutboxSweeper;
import vn.childprotection.platform.referral.adapter.out.metrics.MicrometerCaseMetrics;
import vn.childprotection.platform.referral.adapter.out.mongo.CaseStoreHealthIndicator;
import vn.childprotection.platform.referral.adapter.out.mongo.MongoCaseRepository;
import vn.childprotection.platform.referral.adapter.out.ruleset.InvalidRulesetException;
import vn.childprotection.platform.referral.adapter.out.ruleset.StaticRulesetSource;
import vn.childprotection.platform.referral.adapter.out.ruleset.YamlRulesetReader;
import vn.childprotection.platform.referral.application.HandleReportService;
import vn.childprotection.platform.referral.application.OutboxRelayService;
import vn.childprotection.platform.referral.application.ReadCasesService;
import vn.childprotection.platform.referral.application.port.in.HandleReportUseCase;
import vn.childprotection.platform.referral.application.port.in.ReadCasesUseCase;
import vn.childprotection.platform.referral.application.port.in.RelayOutboxUseCase;
import vn.childprotection.platform.referral.application.port.out.CaseMetrics;
import vn.childprotection.platform.referral.application.port.out.CaseRepository;
import vn.childprotection.platform.referral.application.port.out.EventPublisher;
import vn.childprotection.platform.referral.application.port.out.RulesetSource;
import vn.childprotection.platform.referral.domain.RulesetProblem;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** Wires the use cases to their adapters; the ruleset is loaded and validated here, so a bad one stops start-up. */
@Configuration(proxyBeanMethods = false)
public class ReferralConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RulesetSource rulesetSource(ReferralProperties properties, ResourceLoader resources) {
        String location = properties.ruleset().location();
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            throw new InvalidRulesetException(location, List.of(new RulesetProblem(null, "file not found")));
        }
        try {
            return new StaticRulesetSource(YamlRulesetReader.read(location, resource.getInputStream()));
        } catch (IOException e) {
            throw new InvalidRulesetException(location, List.of(new RulesetProblem(null, "cannot be read: " + e)));
        }
    }

    @Bean(initMethod = "createIndexes")
    MongoCaseRepository caseRepository(MongoTemplate mongoTemplate) {
        return new MongoCaseRepository(mongoTemplate);
    }

    /** Health contributor {@code caseStore}, part of the readiness group. */
    @Bean
    CaseStoreHealthIndicator caseStoreHealthIndicator(MongoTemplate mongoTemplate) {
        return new CaseStoreHealthIndicator(mongoTemplate);
    }

    @Bean
    CaseMetrics caseMetrics(MeterRegistry registry) {
        return new MicrometerCaseMetrics(registry);
    }

    @Bean
    OutboxRelayService outboxRelay(CaseRepository cases, EventPublisher publisher, CaseMetrics metrics, Clock clock,
                                   ReferralProperties properties) {
        return new OutboxRelayService(cases, publisher, metrics, clock, instanceId(properties),
                properties.outbox().lease(), properties.outbox().sweepBatch());
    }

    @Bean
    HandleReportUseCase handleReportUseCase(CaseRepository cases, RulesetSource rulesets, RelayOutboxUseCase relay,
                                            CaseMetrics metrics, Clock clock) {
        return new HandleReportService(cases, rulesets, relay, metrics, clock);
    }

    @Bean
    ReadCasesUseCase readCasesUseCase(CaseRepository cases, RulesetSource rulesets) {
        return new ReadCasesService(cases, rulesets);
    }

    @Bean
    OutboxSweeper outboxSweeper(RelayOutboxUseCase relay, ReferralProperties properties) {
        return new OutboxSweeper(relay, properties.outbox().sweepInterval());
    }

    /** The {@code onReport} function; its binding (topic, group, retries, dead-letter topic) is in application.yml. */
    @Bean
    Consumer<Message<byte[]>> onReport(HandleReportUseCase useCase, MeterRegistry meters) {
        return new ReportConsumer(useCase, meters);
    }

    private static String instanceId(ReferralProperties properties) {
        if (properties.instanceId() != null && !properties.instanceId().isBlank()) {
            return properties.instanceId();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "referral-service";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
