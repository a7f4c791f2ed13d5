package vn.childprotection.platform.deploy;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import vn.childprotection.platform.areas.AdministrativeMap;
import vn.childprotection.platform.areas.AreaMaps;
import vn.childprotection.platform.areas.AreaUnit;
import vn.childprotection.platform.contracts.Agencies;
import vn.childprotection.platform.contracts.Topics;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform's Kafka provisioning, run by an administrator's client: every topic (no client may create one), each
 * with its retention; and, on a secured broker, every principal's SCRAM credential and the ACLs that let it write
 * only the topics it is the single writer of and read only what it consumes (the topic catalog's rule, enforced by
 * the broker, which denies everything else). Idempotent: run at every start, it adds what is missing and sets the
 * retention again; a credential is set to the password given.
 *
 * <p>Agency topics: one referral topic and one answer topic per agency and province, for every agency and province
 * the agency directory has a unit for, and for the seven national agencies (S0 Art 9.5 a–g) in every province of
 * either administrative map (a case is placed on the map of its day: an old case keeps its old province code).
 *
 * <p>Principals: the services by name ({@code intake-service}, ...), an agency unit's system
 * {@code <agency>-<province>-system} ({@code police-11-system}: reads {@code referrals.police.11.v1}, writes
 * {@code agency.responses.police.11.v1}, its consumer groups start with its name) and an agency's national system
 * {@code <agency>-national-system} (the same on every province's topics of its agency, by prefix).
 */
public final class KafkaProvisioning {

    private static final Logger log = LoggerFactory.getLogger(KafkaProvisioning.class);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern UNIT_SYSTEM = Pattern.compile("([a-z][a-z0-9-]{1,39})-([0-9]{2})-system");
    private static final Pattern NATIONAL_SYSTEM = Pattern.compile("([a-z][a-z0-9-]{1,39})-national-system");
    private static final Pattern UNIT_ID_PROVINCE = Pattern.compile("([0-9]{2})-.*");

    /** The services and the consumer group each reads in: the topics it reads and the ones it writes. */
    private static final Map<String, List<String>> READS = Map.of(
            "referral-service", List.of(Topics.INTAKE_REPORTS, Topics.INTAKE_REPORTS_URGENT),
            "notification-service", List.of(Topics.INTAKE_REPORTS, Topics.INTAKE_REPORTS_URGENT, Topics.CASE_EVENTS),
            "reporting-service", List.of(Topics.CASE_EVENTS, Topics.NOTIFICATIONS_DELIVERED,
                    Topics.NOTIFICATIONS_FAILED),
            "audit-service", List.of(Topics.AUDIT_EVENTS),
            "intake-service", List.of());
    private static final Map<String, List<String>> WRITES = Map.of(
            "intake-service", List.of(Topics.INTAKE_REPORTS, Topics.INTAKE_REPORTS_URGENT),
            "referral-service", List.of(Topics.CASE_EVENTS),
            "notification-service", List.of(Topics.NOTIFICATIONS_DELIVERED, Topics.NOTIFICATIONS_FAILED),
            "reporting-service", List.of(),
            "audit-service", List.of());

    /** The services with a principal of their own. */
    public static final List<String> SERVICES = List.of("intake-service", "referral-service", "notification-service",
            "reporting-service", "audit-service");

    /**
     * Retention of the topics (POLICY DEFAULTS, the table in docs/data-retention.md): the topics that carry personal
     * data keep it only as long as a consumer can need it to catch up; the event log the figures are rebuilt from and
     * the audit trail carry none and are kept.
     *
     * @param intake     the intake lanes and their dead-letter topics (the whole report)
     * @param agency     the agencies' referral and answer topics and the answers' dead-letter topic
     * @param deadLetter the dead-letter topics of topics without personal data
     */
    public record Retention(Duration intake, Duration agency, Duration deadLetter) {
        public static final Retention DEFAULT = new Retention(Duration.ofDays(7), Duration.ofDays(30),
                Duration.ofDays(30));
    }

    /**
     * @param partitions       partitions of the platform's own topics and their dead-letter topics
     * @param agencyPartitions partitions of each agency's referral and answer topic of one province
     * @param retention        the topics' retention
     */
    public record Settings(int partitions, int agencyPartitions, Retention retention) {
        public static final Settings DEFAULT = new Settings(3, 1, Retention.DEFAULT);
    }

    /** A topic to make: its name, partitions and topic-level configuration. */
    public record TopicSpec(String name, int partitions, Map<String, String> configs) {
    }

    private KafkaProvisioning() {
    }

    /** The agency and province pairs that get a referral and an answer topic. */
    public static SortedSet<String> agencyProvincePairs(Path agencyDirectory, AreaMaps maps) {
        SortedSet<String> pairs = new TreeSet<>();
        for (Map<String, Object> unit : units(agencyDirectory)) {
            Matcher province = UNIT_ID_PROVINCE.matcher(String.valueOf(unit.get("id")));
            if (!province.matches()) {
                throw new IllegalArgumentException("agency directory: a unit id must start with its province code: "
                        + unit.get("id"));
            }
            for (Object agency : (Collection<?>) unit.get("agencies")) {
                pairs.add(agency + " " + province.group(1));
            }
        }
        for (AdministrativeMap map : maps.maps()) {
            for (AreaUnit province : map.provinces()) {
                for (String agency : Agencies.NATIONAL) {
                    pairs.add(agency + " " + province.code());
                }
            }
        }
        return pairs;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> units(Path agencyDirectory) {
        try (Reader reader = Files.newBufferedReader(agencyDirectory, StandardCharsets.UTF_8)) {
            Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return (List<Map<String, Object>>) document.get("units");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the agency directory " + agencyDirectory, e);
        }
    }

    /** Every topic of the platform. */
    public static List<TopicSpec> topics(Settings settings, Collection<String> agencyProvincePairs) {
        Map<String, String> intake = retention(settings.retention().intake());
        Map<String, String> agency = retention(settings.retention().agency());
        Map<String, String> kept = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1");
        Map<String, String> deadLetter = retention(settings.retention().deadLetter());
        List<TopicSpec> topics = new ArrayList<>();
        topics.add(new TopicSpec(Topics.INTAKE_REPORTS, settings.partitions(), intake));
        topics.add(new TopicSpec(Topics.INTAKE_REPORTS_URGENT, settings.partitions(), intake));
        for (String topic : List.of(Topics.CASE_EVENTS, Topics.NOTIFICATIONS_DELIVERED, Topics.NOTIFICATIONS_FAILED,
                Topics.AUDIT_EVENTS)) {
            topics.add(new TopicSpec(topic, settings.partitions(), kept));
        }
        READS.forEach((service, read) -> read.forEach(topic -> topics.add(new TopicSpec(
                Topics.deadLetterOf(topic, service), settings.partitions(),
                topic.startsWith("intake.") ? intake : deadLetter))));
        topics.add(new TopicSpec(Topics.AGENCY_RESPONSES_DEAD_LETTER, settings.partitions(), agency));
        for (String pair : agencyProvincePairs) {
            String[] agencyAndProvince = pair.split(" ");
            topics.add(new TopicSpec(Topics.referralsFor(agencyAndProvince[0], agencyAndProvince[1]),
                    settings.agencyPartitions(), agency));
            topics.add(new TopicSpec(Topics.agencyResponsesFor(agencyAndProvince[0], agencyAndProvince[1]),
                    settings.agencyPartitions(), agency));
        }
        topics.sort(java.util.Comparator.comparing(TopicSpec::name));
        return topics;
    }

    private static Map<String, String> retention(Duration duration) {
        return Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(duration.toMillis()));
    }

    /**
     * The ACLs of one principal; refuses a name that is neither a service nor an agency system.
     *
     * @param agencies the agency codes that have topics (referral-service reads the answer topics of each, by the
     *                 agency's prefix, which leaves out its own dead-letter topic of the answers)
     */
    public static List<AclBinding> aclsOf(String principal, Collection<String> agencies) {
        List<AclBinding> acls = new ArrayList<>();
        Matcher unit = UNIT_SYSTEM.matcher(principal);
        Matcher national = NATIONAL_SYSTEM.matcher(principal);
        if (SERVICES.contains(principal)) {
            for (String topic : READS.get(principal)) {
                acls.add(allow(principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ));
                acls.add(allow(principal, ResourceType.TOPIC, Topics.deadLetterOf(topic, principal),
                        PatternType.LITERAL, AclOperation.WRITE));
            }
            if (!READS.get(principal).isEmpty()) {
                acls.add(allow(principal, ResourceType.GROUP, principal, PatternType.LITERAL, AclOperation.READ));
            }
            for (String topic : WRITES.get(principal)) {
                acls.add(allow(principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE));
            }
            // every service writes its own chain of the audit trail
            acls.add(allow(principal, ResourceType.TOPIC, Topics.AUDIT_EVENTS, PatternType.LITERAL,
                    AclOperation.WRITE));
            switch (principal) {
                case "intake-service" -> // the routing backlog: the routing group's offsets on the intake lanes
                        acls.add(allow(principal, ResourceType.GROUP, "referral-service", PatternType.LITERAL,
                                AclOperation.DESCRIBE));
                case "referral-service" -> {
                    for (String agency : agencies) {
                        acls.add(allow(principal, ResourceType.TOPIC, Topics.AGENCY_RESPONSES_PREFIX
                                + Topics.agencySegment(agency) + ".", PatternType.PREFIXED, AclOperation.READ));
                    }
                    acls.add(allow(principal, ResourceType.TOPIC, Topics.AGENCY_RESPONSES_DEAD_LETTER,
                            PatternType.LITERAL, AclOperation.WRITE));
                    acls.add(allow(principal, ResourceType.TOPIC, Topics.REFERRALS_PREFIX, PatternType.PREFIXED,
                            AclOperation.WRITE));
                    // the outbox's check after an unfinished attempt reads what it wrote
                    acls.add(allow(principal, ResourceType.TOPIC, Topics.REFERRALS_PREFIX, PatternType.PREFIXED,
                            AclOperation.READ));
                    acls.add(allow(principal, ResourceType.TOPIC, Topics.CASE_EVENTS, PatternType.LITERAL,
                            AclOperation.READ));
                }
                default -> {
                }
            }
        } else if (unit.matches()) {
            String agency = unit.group(1);
            String province = unit.group(2);
            acls.add(allow(principal, ResourceType.TOPIC, Topics.REFERRALS_PREFIX + agency + "." + province
                    + Topics.REFERRALS_SUFFIX, PatternType.LITERAL, AclOperation.READ));
            acls.add(allow(principal, ResourceType.TOPIC, Topics.AGENCY_RESPONSES_PREFIX + agency + "." + province
                    + Topics.AGENCY_RESPONSES_SUFFIX, PatternType.LITERAL, AclOperation.WRITE));
            acls.add(allow(principal, ResourceType.GROUP, principal, PatternType.PREFIXED, AclOperation.READ));
        } else if (national.matches()) {
            String agency = national.group(1);
            acls.add(allow(principal, ResourceType.TOPIC, Topics.REFERRALS_PREFIX + agency + ".",
                    PatternType.PREFIXED, AclOperation.READ));
            acls.add(allow(principal, ResourceType.TOPIC, Topics.AGENCY_RESPONSES_PREFIX + agency + ".",
                    PatternType.PREFIXED, AclOperation.WRITE));
            acls.add(allow(principal, ResourceType.GROUP, principal, PatternType.PREFIXED, AclOperation.READ));
        } else {
            throw new IllegalArgumentException("not a principal of the platform: " + principal + " (a service, "
                    + "<agency>-<province>-system or <agency>-national-system)");
        }
        return acls;
    }

    private static AclBinding allow(String principal, ResourceType type, String name, PatternType pattern,
                                    AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW));
    }

    /** The principals' file: {@code name=password} lines ({@code #} comments), as {@code ./platform} writes it. */
    public static Map<String, String> readPrincipals(Path file) {
        Map<String, String> principals = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int eq = trimmed.indexOf('=');
                if (eq <= 0 || eq == trimmed.length() - 1) {
                    throw new IllegalArgumentException("principals file " + file + ": not name=password: a line of "
                            + trimmed.length() + " characters");
                }
                principals.put(trimmed.substring(0, eq).strip(), trimmed.substring(eq + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the principals file " + file, e);
        }
        principals.keySet().forEach(name -> aclsOf(name, List.of())); // refuses an unknown name before anything runs
        return principals;
    }

    /**
     * Applies the plan with an administrator's client: the topics always; the credentials and ACLs when
     * {@code principals} is not empty (a secured broker).
     */
    public static void apply(Admin admin, List<TopicSpec> topics, Map<String, String> principals) {
        Set<String> agencies = new TreeSet<>();
        topics.forEach(topic -> Topics.responderOf(topic.name()).ifPresent(from -> agencies.add(from.agency())));
        long started = System.nanoTime();
        int created = createTopics(admin, topics);
        setRetention(admin, topics);
        if (!principals.isEmpty()) {
            List<UserScramCredentialAlteration> credentials = new ArrayList<>();
            List<AclBinding> acls = new ArrayList<>();
            principals.forEach((name, password) -> {
                credentials.add(new UserScramCredentialUpsertion(name,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password));
                acls.addAll(aclsOf(name, agencies));
            });
            await(admin.alterUserScramCredentials(credentials).all());
            await(admin.createAcls(acls).all());
            log.info("kafka provisioning: {} principals, {} ACLs", principals.size(), acls.size());
        }
        log.info("kafka provisioning: {} topics ({} created) in {} ms", topics.size(), created,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private static int createTopics(Admin admin, List<TopicSpec> topics) {
        Set<String> existing = await(admin.listTopics().names());
        List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name()))
                .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1).configs(t.configs())).toList();
        if (missing.isEmpty()) {
            return 0;
        }
        try {
            admin.createTopics(missing).all().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("kafka provisioning: topics not created: " + e.getCause(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("kafka provisioning interrupted", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("kafka provisioning: topics not created within " + PATIENCE, e);
        }
        return missing.size();
    }

    private static void setRetention(Admin admin, List<TopicSpec> topics) {
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new LinkedHashMap<>();
        for (TopicSpec topic : topics) {
            changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()), topic.configs().entrySet()
                    .stream().map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()),
                            AlterConfigOp.OpType.SET)).toList());
        }
        await(admin.incrementalAlterConfigs(changes).all());
    }

    private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("kafka provisioning failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("kafka provisioning interrupted", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("kafka provisioning: no answer within " + PATIENCE, e);
        }
    }
}
