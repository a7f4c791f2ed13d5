package vn.childprotection.platform.referral.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.messaging.Message;
import vn.childprotection.platform.support.messaging.EventSchemas;
import vn.childprotection.platform.access.Operation;
import vn.childprotection.platform.areas.AreaMaps;
import vn.childprotection.platform.areas.AreaMapsLoader;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.referral.adapter.in.messaging.AgencyResponseConsumer;
import vn.childprotection.platform.referral.adapter.in.messaging.ReportConsumer;
import vn.childprotection.platform.referral.adapter.in.scheduling.PeriodicJob;
import vn.childprotection.platform.referral.adapter.out.directory.AgencyDirectoryReader;
import vn.childprotection.platform.referral.adapter.out.directory.InvalidDirectoryException;
import vn.childprotection.platform.referral.adapter.out.metrics.MicrometerCaseMetrics;
import vn.childprotection.platform.referral.adapter.out.mongo.MongoCaseRepository;
import vn.childprotection.platform.referral.adapter.out.mongo.MongoJobLease;
import vn.childprotection.platform.referral.adapter.out.mongo.MongoRejectedResponseLog;
import vn.childprotection.platform.referral.adapter.out.ruleset.InvalidRulesetException;
import vn.childprotection.platform.referral.adapter.out.ruleset.LoadedRulesetSource;
import vn.childprotection.platform.referral.adapter.out.ruleset.RulesetFilesLoader;
import vn.childprotection.platform.referral.adapter.out.ruleset.YamlRulesetReader;
import vn.childprotection.platform.referral.application.HandleReportService;
import vn.childprotection.platform.referral.application.OutboxRelayService;
import vn.childprotection.platform.referral.application.ReadCasesService;
import vn.childprotection.platform.referral.application.RespondToReferralService;
import vn.childprotection.platform.referral.application.WatchDeadlinesService;
import vn.childprotection.platform.referral.application.port.in.HandleReportUseCase;
import vn.childprotection.platform.referral.application.port.in.ReadCasesUseCase;
import vn.childprotection.platform.referral.application.port.in.RelayOutboxUseCase;
import vn.childprotection.platform.referral.application.port.in.RespondToReferralUseCase;
import vn.childprotection.platform.referral.application.port.in.WatchDeadlinesUseCase;
import vn.childprotection.platform.referral.application.port.out.CaseMetrics;
import vn.childprotection.platform.referral.application.port.out.CaseRepository;
import vn.childprotection.platform.referral.application.port.out.EventPublisher;
import vn.childprotection.platform.referral.application.port.out.JobLease;
import vn.childprotection.platform.referral.application.port.out.PublicationLedger;
import vn.childprotection.platform.referral.application.port.out.RejectedResponseLog;
import vn.childprotection.platform.referral.application.port.out.RulesetSource;
import vn.childprotection.platform.referral.domain.AgencyDirectory;
import vn.childprotection.platform.referral.domain.AreaDirectory;
import vn.childprotection.platform.referral.domain.ChildPseudonym;
import vn.childprotection.platform.referral.domain.DeadlinePolicy;
import vn.childprotection.platform.referral.domain.RoutingEnvironment;
import vn.childprotection.platform.referral.domain.RulesetCatalog;
import vn.childprotection.platform.referral.domain.RulesetProblem;
import vn.childprotection.platform.referral.domain.WorkingCalendar;
import vn.childprotection.platform.support.messaging.ResilientConsumersConfiguration;
import vn.childprotection.platform.support.security.ApiSecurityConfiguration;
import vn.childprotection.platform.support.security.EndpointOperations.Endpoint;
import vn.childprotection.platform.support.security.EndpointOperations;
import vn.childprotection.platform.support.audit.AuditTrail;
import vn.childprotection.platform.referral.adapter.out.audit.AuditTrailPersonalDataAudit;
import vn.childprotection.platform.referral.application.PersonalDataService;
import vn.childprotection.platform.referral.application.port.in.PurgePersonalDataUseCase;
import vn.childprotection.platform.referral.application.port.out.PersonalDataAudit;
import vn.childprotection.platform.support.store.StoreClientConfiguration;
import vn.childprotection.platform.support.store.StoreHealthIndicator;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** Wires the use cases to their adapters; the ruleset is loaded and validated here, so a bad one stops start-up. */
@Configuration(proxyBeanMethods = false)
@Import({ResilientConsumersConfiguration.class, StoreClientConfiguration.class, ApiSecurityConfiguration.class})
public class ReferralConfiguration {

    /** The endpoints and their operations (docs/authorization.md): the filter chain's role check before any body. */
    @Bean
    EndpointOperations endpointOperations() {
        return new EndpointOperations(List.of(
                Endpoint.of(HttpMethod.GET, "/api/v1/cases", Operation.LIST_CASES, Operation.READ_TRIAGE_QUEUE,
                        Operation.READ_OWN_SUBMISSION),
                Endpoint.of(HttpMethod.GET, "/api/v1/cases/{caseId}", Operation.READ_CASE,
                        Operation.READ_OWN_SUBMISSION),
                Endpoint.of(HttpMethod.POST, "/api/v1/cases/{caseId}/informant-reveal", Operation.REVEAL_INFORMANT),
                Endpoint.of(HttpMethod.POST, "/api/v1/cases/{caseId}/erasure", Operation.ERASE_PERSONAL_DATA),
                Endpoint.of(HttpMethod.GET, "/api/v1/rules", Operation.PREVIEW_ROUTING),
                Endpoint.of(HttpMethod.POST, "/api/v1/routing/preview", Operation.PREVIEW_ROUTING),
                Endpoint.of(HttpMethod.GET, "/api/v1/referrals", Operation.LIST_REFERRALS),
                Endpoint.of(HttpMethod.GET, "/api/v1/referrals/{referralId}", Operation.READ_REFERRAL),
                Endpoint.of(HttpMethod.POST, "/api/v1/referrals/{referralId}/responses",
                        Operation.RESPOND_TO_REFERRAL)));
    }


    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Loads and validates the routing data: area lists, agency directory, every ruleset file. Any problem stops
     * start-up with a message naming the file, the rule and the problem.
     */
    @Bean
    RulesetSource rulesetSource(ReferralProperties properties, ResourceLoader resources) throws IOException {
        ResourcePatternResolver resolver = ResourcePatternUtils.getResourcePatternResolver(resources);
        AreaMaps maps = AreaMapsLoader.shipped();
        Resource directoryFile = resources.getResource(properties.directory().location());
        AgencyDirectory directory = directoryFile.exists()
                ? AgencyDirectoryReader.read(properties.directory().location(), directoryFile.getInputStream(), maps)
                : AgencyDirectory.NONE;
        List<RulesetCatalog.Entry> entries = new ArrayList<>();
        for (String location : properties.ruleset().locations()) {
            Resource[] found = resolver.getResources(location);
            if (found.length == 0 && !location.contains("*")) {
                throw new InvalidRulesetException(location, List.of(new RulesetProblem(null, "file not found")));
            }
            for (Resource resource : found) {
                if (!resource.exists()) {
                    throw new InvalidRulesetException(location, List.of(new RulesetProblem(null, "file not found")));
                }
                String name = resource.getFilename() == null ? location : "rulesets/" + (location.contains(
                        "provinces") ? "provinces/" : "") + resource.getFilename();
                entries.add(new RulesetCatalog.Entry(name, YamlRulesetReader.read(name, resource.getInputStream())));
            }
        }
        RulesetFilesLoader.checkTerritories(entries, maps);
        RulesetCatalog catalog = RulesetFilesLoader.catalog(entries,
                directory.configured() ? directory.codes() : java.util.Set.of());
        return new LoadedRulesetSource(new RoutingEnvironment(catalog, new AreaDirectory(maps), directory,
                deadlinePolicy(properties.deadlines())));
    }

    static DeadlinePolicy deadlinePolicy(ReferralProperties.Deadlines deadlines) {
        Map<Severity, DeadlinePolicy.Span> ack = new EnumMap<>(Severity.class);
        ack.putAll(DeadlinePolicy.DEFAULT.acknowledgement());
        if (deadlines.acknowledgement() != null) {
            deadlines.acknowledgement().forEach((severity, span) -> ack.put(severity,
                    new DeadlinePolicy.Span(span.duration(), span.workingDays())));
        }
        ReferralProperties.Span supportPlan = deadlines.supportPlan();
        return new DeadlinePolicy(ack, new WorkingCalendar(deadlines.holidays() == null ? null
                : java.util.Set.copyOf(deadlines.holidays())), deadlines.zone(), deadlines.emergencyMeasures(),
                supportPlan == null ? null : new DeadlinePolicy.Span(supportPlan.duration(), supportPlan.workingDays()),
                deadlines.escalationGrace(), deadlines.emergencyMeasuresGrace());
    }

    @Bean(initMethod = "createIndexes")
    MongoCaseRepository caseRepository(MongoTemplate mongoTemplate) {
        return new MongoCaseRepository(mongoTemplate);
    }

    /** Health contributor {@code caseStore}, part of the readiness group. */
    @Bean
    StoreHealthIndicator caseStoreHealthIndicator(MongoTemplate mongoTemplate) {
        return new StoreHealthIndicator(mongoTemplate);
    }

    @Bean
    CaseMetrics caseMetrics(MeterRegistry registry) {
        return new MicrometerCaseMetrics(registry);
    }

    @Bean
    OutboxRelayService outboxRelay(CaseRepository cases, EventPublisher publisher, PublicationLedger ledger,
                                   CaseMetrics metrics, Clock clock, ReferralProperties properties) {
        return new OutboxRelayService(cases, publisher, ledger, metrics, clock, instanceId(properties),
                properties.outbox().lease(), properties.outbox().sweepBatch());
    }

    @Bean
    HandleReportUseCase handleReportUseCase(CaseRepository cases, RulesetSource rulesets, RelayOutboxUseCase relay,
                                            CaseMetrics metrics, Clock clock, ReferralProperties properties) {
        return new HandleReportService(cases, rulesets, relay, metrics, clock, childPseudonym(properties));
    }

    /** {@code CaseOpened.childKey}; warns when the development secret is in use. */
    static ChildPseudonym childPseudonym(ReferralProperties properties) {
        String secret = properties.childKey().secret();
        if (secret == null || secret.isBlank() || ReferralProperties.ChildKey.DEV_SECRET.equals(secret)) {
            LoggerFactory.getLogger(ReferralConfiguration.class).warn("referral.child-key.secret is the development "
                    + "default: set REFERRAL_CHILDKEY_SECRET in every real deployment");
        }
        return new ChildPseudonym(secret);
    }

    @Bean
    MongoJobLease jobLease(MongoTemplate mongoTemplate) {
        return new MongoJobLease(mongoTemplate);
    }

    @Bean
    MongoRejectedResponseLog rejectedResponseLog(MongoTemplate mongoTemplate) {
        return new MongoRejectedResponseLog(mongoTemplate);
    }

    @Bean
    RespondToReferralUseCase respondToReferralUseCase(CaseRepository cases, RulesetSource rulesets,
                                                      RelayOutboxUseCase relay, RejectedResponseLog rejections,
                                                      CaseMetrics metrics, Clock clock,
                                                      ReferralProperties properties) {
        return new RespondToReferralService(cases, rulesets, relay, rejections, metrics, clock,
                properties.responses().attempts());
    }

    @Bean
    WatchDeadlinesUseCase watchDeadlinesUseCase(CaseRepository cases, JobLease leases, RelayOutboxUseCase relay,
                                                CaseMetrics metrics, Clock clock, ReferralProperties properties) {
        return new WatchDeadlinesService(cases, leases, relay, metrics, clock, instanceId(properties),
                properties.watchdog().lease(), properties.watchdog().batch());
    }

    @Bean
    PeriodicJob deadlineWatchdog(WatchDeadlinesUseCase watchdog, ReferralProperties properties) {
        return new PeriodicJob("deadline-watchdog", watchdog::runOnce, "deadline watchdog raised {} overdue notice(s)",
                properties.watchdog().interval(), properties.watchdog().enabled());
    }

    /**
     * The {@code onAgencyResponse} function on {@code agency.responses.v1}; its binding (group, retries, dead-letter
     * topic) is in application.yml.
     */
    @Bean
    Consumer<Message<byte[]>> onAgencyResponse(RespondToReferralUseCase useCase, MeterRegistry meters, EventSchemas schemas) {
        return new AgencyResponseConsumer(useCase, meters, schemas);
    }

    @Bean
    PersonalDataAudit personalDataAudit(AuditTrail auditTrail, Clock clock) {
        return new AuditTrailPersonalDataAudit(auditTrail, clock);
    }

    /** Erasure on request and the retention job (docs/data-retention.md). */
    @Bean
    PersonalDataService personalDataService(CaseRepository cases, JobLease leases, RelayOutboxUseCase relay,
                                            PersonalDataAudit audit, Clock clock, ReferralProperties properties) {
        ReferralProperties.Retention retention = properties.retention();
        return new PersonalDataService(cases, leases, relay, audit, clock, instanceId(properties),
                retention.closedCases(), retention.lease(), retention.batch(), retention.attempts());
    }

    @Bean
    PeriodicJob personalDataRetention(PurgePersonalDataUseCase retention, ReferralProperties properties) {
        return new PeriodicJob(PersonalDataService.JOB, retention::runOnce,
                "retention purged the personal data of {} closed case(s)", properties.retention().interval(),
                properties.retention().enabled());
    }

    @Bean
    ReadCasesUseCase readCasesUseCase(CaseRepository cases, RulesetSource rulesets, Clock clock) {
        return new ReadCasesService(cases, rulesets, clock);
    }

    @Bean
    PeriodicJob outboxSweeper(RelayOutboxUseCase relay, ReferralProperties properties) {
        return new PeriodicJob("outbox-sweep", relay::sweep,
                "outbox sweep published the pending messages of {} case(s)", properties.outbox().sweepInterval(), true);
    }

    /** The {@code onReport} function; its binding (topic, group, retries, dead-letter topic) is in application.yml. */
    @Bean
    Consumer<Message<byte[]>> onReport(HandleReportUseCase useCase, MeterRegistry meters, EventSchemas schemas) {
        return new ReportConsumer(useCase, meters, schemas);
    }

    /**
     * The same handling on {@code intake.reports.urgent.v1}, the EMERGENCY reports' lane, with a consumer of its own
     * that fetches a record as soon as it is there: an emergency never waits behind the other reports' backlog.
     */
    @Bean
    Consumer<Message<byte[]>> onUrgentReport(HandleReportUseCase useCase, MeterRegistry meters, EventSchemas schemas) {
        return new ReportConsumer(useCase, meters, schemas);
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
