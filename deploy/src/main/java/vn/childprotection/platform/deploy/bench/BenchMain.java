package vn.childprotection.platform.deploy.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code ./platform bench}: the benchmark harness, run against the running local stack.
 *
 * <ol>
 *   <li>Raw Kafka baseline on the same broker: an acks=all idempotent producer writes records of the size of an
 *       average report to {@code bench.raw.v1} as fast as it can (records/s), then one record at a time, waiting for
 *       each acknowledgement (what intake does per request: latency).</li>
 *   <li>Open-loop steps at fixed rates (default 50, 200, 500 reports/s): reports from {@link ReportMix} are sent to
 *       intake at a fixed schedule by virtual threads; every latency is measured from the <em>scheduled</em> send
 *       time, so a slow answer cannot hide the requests queued behind it (no coordinated omission).</li>
 *   <li>{@code --max}: a closed-loop step with many reports in flight, the highest rate the stack sustains.</li>
 * </ol>
 * A report is routed end to end when its {@code CaseOpened} is on {@code case.events.v1} and, for an intervention,
 * its first referral is on an agency topic ({@code referrals.*.v1}, all partitions, read from the end, matched by
 * the case id key, which {@code Ids.caseIdFor(reportId)} gives before the request is sent). A sample of routed cases
 * is polled on reporting-service's {@code GET /api/v1/facts/cases/{caseId}} for the projection latency. After each
 * step the harness waits until every consumer group has caught up, then takes the consumer lag, the records written
 * to every topic (messages per report), the CPU time each component used from the step's start to the end of its
 * drain per accepted report, and each component's peak RSS ({@code VmHWM} of the pids in var/run).
 * Prints a table and writes {@code var/bench/latest.json}.
 */
public final class BenchMain {

    static final String RAW_TOPIC = "bench.raw.v1";
    private static final Set<String> NOT_COUNTED = Set.of(RAW_TOPIC);

    /** The dev users whose tokens the bench's requests carry: reports as the national line, the rest as admin. */
    private static final String OPERATOR = "operator-111";
    private static final String ADMIN = "admin";

    private final Config config;
    private final HttpClient http;
    private final BearerTokens tokens;
    private final Admin admin;
    private final ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor();

    record Config(String intake, String reporting, String bootstrap, int durationSeconds, List<Integer> rates,
                  boolean max, int maxInFlight, int warmupSeconds, int rawSeconds, int drainSeconds,
                  boolean rebuild, Path runDir, Path out, String referral, String notification, String mongo,
                  int storeClients, String tokenUrl) {

        /** Service → base URL: the services whose store commands a step counts. */
        Map<String, String> services() {
            Map<String, String> services = new TreeMap<>();
            services.put("intake", intake);
            services.put("referral", referral);
            services.put("notification", notification);
            services.put("reporting", reporting);
            return services;
        }
    }

    private BenchMain(Config config) {
        this.config = config;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(virtual)
                .connectTimeout(Duration.ofSeconds(3)).build();
        this.tokens = new BearerTokens(http, URI.create(config.tokenUrl()), BearerTokens.fromEnvironment());
        Properties props = kafkaClient(config.bootstrap());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        this.admin = Admin.create(props);
    }

    /**
     * A Kafka client's connection: the bootstrap servers and, on a secured broker, SASL/SCRAM-SHA-512 over TLS as
     * the principal in {@code BENCH_KAFKA_USERNAME}/{@code BENCH_KAFKA_PASSWORD} trusting {@code BENCH_KAFKA_CA}
     * (./platform bench passes the administrator's), from the environment, never the command line.
     */
    static Properties kafkaClient(String bootstrap) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        String user = System.getenv("BENCH_KAFKA_USERNAME");
        if (user != null && !user.isBlank()) {
            props.put("security.protocol", "SASL_SSL");
            props.put("sasl.mechanism", "SCRAM-SHA-512");
            props.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                    + "username=\"" + user + "\" password=\"" + System.getenv("BENCH_KAFKA_PASSWORD") + "\";");
            props.put("ssl.truststore.type", "PEM");
            props.put("ssl.truststore.location", System.getenv("BENCH_KAFKA_CA"));
        }
        return props;
    }

    public static void main(String[] args) throws Exception {
        Config config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (config == null) {
            return;
        }
        int code = new BenchMain(config).run();
        System.exit(code);
    }

    static Config parse(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        Set<String> flags = Set.of("max", "no-rebuild", "help");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h")) {
                a = "--help";
            }
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
            String name = a.substring(2);
            int eq = name.indexOf('=');
            if (eq > 0) {
                o.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (flags.contains(name)) {
                o.put(name, "true");
            } else if (i + 1 < args.length) {
                o.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("option --" + name + " needs a value");
            }
        }
        if (o.containsKey("help")) {
            System.out.println("""
                    usage: BenchMain [--duration S] [--rates 50,200,500] [--max] [--max-in-flight N] [--warmup S]
                                     [--raw-seconds S] [--drain S] [--no-rebuild] [--intake URL] [--reporting URL]
                                     [--referral URL] [--notification URL] [--bootstrap HOST:PORT]
                                     [--store-clients N] [--run-dir var/run] [--out var/bench/latest.json]
                                     [--token-url URL]
                    The store's URI is MONGODB_URI (default mongodb://127.0.0.1:27017): an environment variable,
                    so that no credential shows in the process list. Requests carry the tokens of operator-111 and
                    admin from the identity provider's token endpoint (--token-url), their passwords taken from
                    CPRP_PASSWORD_OPERATOR_111 and CPRP_PASSWORD_ADMIN (./platform bench sets them).""");
            return null;
        }
        List<Integer> rates = new ArrayList<>();
        String rateList = o.getOrDefault("rates", "50,200,500");
        if (!rateList.isBlank() && !rateList.equals("none")) {
            for (String r : rateList.split(",")) {
                try {
                    int rate = Integer.parseInt(r.trim());
                    if (rate <= 0 || rate > 100_000) {
                        throw new NumberFormatException();
                    }
                    rates.add(rate);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--rates: not a rate (reports/s): " + r);
                }
            }
        }
        return new Config(
                o.getOrDefault("intake", "http://127.0.0.1:8081"),
                o.getOrDefault("reporting", "http://127.0.0.1:8084"),
                o.getOrDefault("bootstrap", "127.0.0.1:9092"),
                positive(o, "duration", 20), rates, o.containsKey("max"), positive(o, "max-in-flight", 64),
                nonNegative(o, "warmup", 20), positive(o, "raw-seconds", 5), positive(o, "drain", 60),
                !o.containsKey("no-rebuild"),
                Path.of(o.getOrDefault("run-dir", "var/run")), Path.of(o.getOrDefault("out", "var/bench/latest.json")),
                o.getOrDefault("referral", "http://127.0.0.1:8082"),
                o.getOrDefault("notification", "http://127.0.0.1:8083"),
                Optional.ofNullable(System.getenv("MONGODB_URI")).filter(u -> !u.isBlank())
                        .orElse("mongodb://127.0.0.1:27017"),
                positive(o, "store-clients", 4),
                o.getOrDefault("token-url", "http://127.0.0.1:8180/realms/cprp/protocol/openid-connect/token"));
    }

    private static int positive(Map<String, String> o, String name, int defaultValue) {
        int v = nonNegative(o, name, defaultValue);
        if (v == 0) {
            throw new IllegalArgumentException("--" + name + " must be positive");
        }
        return v;
    }

    private static int nonNegative(Map<String, String> o, String name, int defaultValue) {
        try {
            int v = Integer.parseInt(o.getOrDefault(name, Integer.toString(defaultValue)).trim());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " is not a whole number: " + o.get(name));
        }
    }

    // -----------------------------------------------------------------------------------------------------------------

    private int run() throws Exception {
        if (!healthy(config.intake())) {
            System.err.println("bench: intake-service does not answer UP at " + config.intake()
                    + "/actuator/health. Start the stack first: ./platform up -d");
            return 1;
        }
        boolean projection = projectionEndpointPresent();
        System.out.printf("bench: intake %s, broker %s, reporting facts endpoint %s%n", config.intake(),
                config.bootstrap(), projection ? "present" : "absent (projection latency n/a)");

        int recordSize = averageReportSize();
        Raw raw = rawBaseline(recordSize);
        System.out.printf("raw Kafka: %,.0f records/s of %d B (acks=all, idempotent); one at a time: p50 %.2f ms, "
                + "p99 %.2f ms%n", raw.recordsPerSecond, recordSize, raw.syncP50Ms, raw.syncP99Ms);
        StoreBaseline.Result store = storeBaseline(recordSize);

        List<Step> steps = new ArrayList<>();
        try (Tracker tracker = new Tracker(config.bootstrap(), projection ? this::pollProjection : null)) {
            tracker.start();
            if (config.warmupSeconds() > 0) {
                Step warmup = new Step("warm-up", 50, false);
                openLoop(tracker, warmup, 50, config.warmupSeconds());
                drain(tracker, warmup);
                System.out.printf("warm-up: %d reports accepted, %d routed%n", warmup.accepted.sum(),
                        warmup.completed.sum());
            }
            for (int rate : config.rates()) {
                Step step = new Step(rate + "/s", rate, false);
                runStep(tracker, step, () -> openLoop(tracker, step, rate, config.durationSeconds()));
                steps.add(step);
            }
            if (config.max()) {
                Step step = new Step("max", 0, true);
                runStep(tracker, step, () -> closedLoop(tracker, step, config.maxInFlight(), config.durationSeconds()));
                steps.add(step);
            }
        }
        Double rebuild = config.rebuild() ? projectionRebuild() : null;
        Map<String, long[]> rss = rss();
        printTable(raw, store, recordSize, steps, rebuild, rss);
        writeJson(raw, store, recordSize, steps, rebuild, rss, projection);
        System.out.println("wrote " + config.out().toAbsolutePath().normalize());
        admin.close(Duration.ofSeconds(5));
        return 0;
    }

    interface Body {
        void run() throws Exception;
    }

    private void runStep(Tracker tracker, Step step, Body body) throws Exception {
        Map<TopicPartition, Long> before = endOffsets();
        Map<String, Duration> cpuBefore = cpuTimes();
        Map<String, Long> storeBefore = storeCommands();
        System.out.printf("step %s: sending for %d s …%n", step.name, config.durationSeconds());
        body.run();
        drain(tracker, step);
        step.lag = consumerLag();
        cpuTimes().forEach((component, after) -> {
            Duration at = cpuBefore.get(component);
            if (at != null && step.accepted.sum() > 0) {
                step.cpuMsPerReport.put(component, after.minus(at).toNanos() / 1e6 / step.accepted.sum());
            }
        });
        storeCommands().forEach((service, after) -> {
            Long at = storeBefore.get(service);
            if (at != null && step.accepted.sum() > 0) {
                step.storeCommandsPerReport.put(service, (double) (after - at) / step.accepted.sum());
            }
        });
        Map<TopicPartition, Long> after = endOffsets();
        long written = 0;
        for (Map.Entry<TopicPartition, Long> e : after.entrySet()) {
            written += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        step.recordsWritten = written;
        System.out.printf("step %s: %d accepted, %d routed (%.1f/s end to end), errors %s, lag %s%n", step.name,
                step.accepted.sum(), step.completed.sum(), step.routedPerSecond(), step.errors, step.lag);
    }

    /** Sends {@code rate} reports/s for {@code seconds} at a fixed schedule. */
    private void openLoop(Tracker tracker, Step step, int rate, int seconds) throws InterruptedException {
        long interval = 1_000_000_000L / rate;
        long total = (long) rate * seconds;
        Semaphore inFlight = new Semaphore(2_000);
        long start = System.nanoTime() + 20_000_000L;
        step.start(start);
        for (long i = 0; i < total; i++) {
            long scheduled = start + i * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            ReportMix.Report report = ReportMix.next();
            inFlight.acquire(); // waiting here counts: latency is measured from `scheduled`
            virtual.execute(() -> {
                try {
                    send(tracker, step, report, scheduled);
                } finally {
                    inFlight.release();
                }
            });
        }
        step.sendingEnded = System.nanoTime();
        inFlight.acquire(2_000);
        inFlight.release(2_000);
    }

    /** {@code inFlight} senders, each sending its next report as soon as the previous one was answered. */
    private void closedLoop(Tracker tracker, Step step, int inFlight, int seconds) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        step.start(start);
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < inFlight; i++) {
            senders.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < end) {
                    send(tracker, step, ReportMix.next(), System.nanoTime());
                }
            }));
        }
        for (Thread sender : senders) {
            sender.join();
        }
        step.sendingEnded = System.nanoTime();
    }

    private void send(Tracker tracker, Step step, ReportMix.Report report, long scheduled) {
        String caseId = tracker.expect(report, scheduled, step);
        step.sent.increment();
        try {
            HttpResponse<Void> response = http.send(tokens.as(OPERATOR, HttpRequest.newBuilder(
                            URI.create(config.intake() + "/api/v1/reports")))
                            .header("Content-Type", "application/json").header("Accept", "application/json")
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(report.body(), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.discarding());
            long now = System.nanoTime();
            if (response.statusCode() == 202) {
                step.accepted.increment();
                step.intake.recordValue(Math.max(0, now - scheduled));
                tracker.accepted(caseId);
            } else {
                step.error(Integer.toString(response.statusCode()));
                tracker.forget(caseId);
            }
        } catch (IOException e) {
            step.error("io");
            tracker.forget(caseId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tracker.forget(caseId);
        }
    }

    /** Waits until the step's accepted reports are routed and the consumer groups caught up (at most --drain s). */
    private void drain(Tracker tracker, Step step) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.drainSeconds());
        while (System.nanoTime() < deadline && step.completed.sum() < step.accepted.sum()) {
            Thread.sleep(50);
        }
        awaitCaughtUp(deadline, 200);
        tracker.projectionsDone(step, Math.max(1, deadline - System.nanoTime()));
        tracker.forgetStep(step);
    }

    /** Polls the consumer lag every {@code pauseMillis} until every group has caught up or the deadline passes. */
    private Map<String, Long> awaitCaughtUp(long deadlineNanos, long pauseMillis) throws InterruptedException {
        Map<String, Long> lag = consumerLag();
        while (System.nanoTime() < deadlineNanos && !lag.values().stream().allMatch(l -> l == 0)) {
            Thread.sleep(pauseMillis);
            lag = consumerLag();
        }
        return lag;
    }

    // -----------------------------------------------------------------------------------------------------------------
    // Raw Kafka baseline

    record Raw(double recordsPerSecond, double syncP50Ms, double syncP99Ms, long records) {
    }

    private int averageReportSize() {
        long total = 0;
        for (int i = 0; i < 200; i++) {
            total += ReportMix.next().body().getBytes(StandardCharsets.UTF_8).length;
        }
        return (int) (total / 200);
    }

    private Raw rawBaseline(int recordSize) throws Exception {
        try {
            admin.createTopics(List.of(new NewTopic(RAW_TOPIC, 3, (short) 1))).all().get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        Properties props = kafkaClient(config.bootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        byte[] value = new byte[recordSize];
        java.util.Arrays.fill(value, (byte) 'x');
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(RAW_TOPIC, "warm-up", value)).get(15, TimeUnit.SECONDS);
            // one at a time, waiting for each acknowledgement (intake's pattern per request, linger.ms=0 as intake)
            Histogram sync = new Histogram(3_600_000_000_000L, 3);
            Properties unlingered = new Properties();
            unlingered.putAll(props);
            unlingered.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            try (KafkaProducer<String, byte[]> single = new KafkaProducer<>(unlingered)) {
                single.send(new ProducerRecord<>(RAW_TOPIC, "warm-up", value)).get(15, TimeUnit.SECONDS);
                for (int i = 0; i < 500; i++) {
                    long t = System.nanoTime();
                    single.send(new ProducerRecord<>(RAW_TOPIC, UUID.randomUUID().toString(), value)).get(15, TimeUnit.SECONDS);
                    sync.recordValue(System.nanoTime() - t);
                }
            }
            // as fast as the producer can batch
            LongAdder acked = new LongAdder();
            AtomicLong lastAck = new AtomicLong();
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(config.rawSeconds());
            while (System.nanoTime() < end) {
                producer.send(new ProducerRecord<>(RAW_TOPIC, UUID.randomUUID().toString(), value), (metadata, error) -> {
                    if (error == null) {
                        acked.increment();
                        lastAck.set(System.nanoTime());
                    }
                });
            }
            producer.flush();
            double seconds = (lastAck.get() - start) / 1e9;
            return new Raw(acked.sum() / seconds, ms(sync.getValueAtPercentile(50)), ms(sync.getValueAtPercentile(99)),
                    acked.sum());
        }
    }

    // -----------------------------------------------------------------------------------------------------------------
    // Raw store baseline and the services' store commands

    /** The raw store baseline, or null (printed as n/a) when the store does not answer. */
    private StoreBaseline.Result storeBaseline(int documentBytes) throws InterruptedException {
        try {
            StoreBaseline.Result store = StoreBaseline.measure(config.mongo(), config.storeClients(), documentBytes,
                    config.rawSeconds());
            System.out.printf(Locale.ROOT, "raw store: %,.0f commands/s (insert, find by _id, update by _id; %d B "
                            + "documents; %d clients, one command in flight each): p50 %.2f ms, p99 %.2f ms%n",
                    store.commandsPerSecond(), documentBytes, store.clients(), store.p50Ms(), store.p99Ms());
            return store;
        } catch (RuntimeException e) {
            System.out.println("raw store: n/a (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            return null;
        }
    }

    static final String STORE_COMMANDS_METRIC = "mongodb_driver_commands_seconds_count";

    /** Service → the store commands its driver has sent so far ({@value #STORE_COMMANDS_METRIC}); absent if unreachable. */
    private Map<String, Long> storeCommands() {
        Map<String, Long> commands = new TreeMap<>();
        config.services().forEach((service, base) -> {
            try {
                HttpResponse<String> r = http.send(tokens.as(ADMIN, HttpRequest.newBuilder(
                                URI.create(base + "/actuator/prometheus")))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    commands.put(service, Math.round(sumOf(r.body(), STORE_COMMANDS_METRIC)));
                }
            } catch (IOException e) {
                // that service is left out of the step's count
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return commands;
    }

    /** The sum of a metric's samples over all its label sets, in the Prometheus text format. */
    static double sumOf(String exposition, String metric) {
        double sum = 0;
        for (String line : exposition.split("\n")) {
            if (!line.startsWith(metric) || line.length() == metric.length()) {
                continue;
            }
            String rest = line.substring(metric.length());
            if (rest.charAt(0) == '{') {
                rest = rest.substring(rest.lastIndexOf('}') + 1); // a label value may hold anything but a raw newline
            } else if (rest.charAt(0) != ' ') {
                continue; // another metric whose name starts with this one
            }
            try {
                sum += Double.parseDouble(rest.trim().split("\\s+")[0]);
            } catch (NumberFormatException e) {
                // not a sample line
            }
        }
        return sum;
    }

    // -----------------------------------------------------------------------------------------------------------------
    // Offsets, lag, projections, RSS

    private Map<TopicPartition, Long> endOffsets() throws Exception {
        Set<String> topics = new java.util.HashSet<>(admin.listTopics().names().get(15, TimeUnit.SECONDS));
        topics.removeIf(t -> t.startsWith("__") || NOT_COUNTED.contains(t));
        Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
        for (TopicDescription description : admin.describeTopics(topics).allTopicNames().get(15, TimeUnit.SECONDS).values()) {
            description.partitions().forEach(p -> request.put(new TopicPartition(description.name(), p.partition()),
                    OffsetSpec.latest()));
        }
        Map<TopicPartition, Long> offsets = new java.util.HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e
                : admin.listOffsets(request).all().get(15, TimeUnit.SECONDS).entrySet()) {
            offsets.put(e.getKey(), e.getValue().offset());
        }
        return offsets;
    }

    /** Per consumer group (the services'): end offset minus committed offset, summed over its partitions. */
    private Map<String, Long> consumerLag() {
        Map<String, Long> lag = new TreeMap<>();
        try {
            List<String> groups = new ArrayList<>();
            for (ConsumerGroupListing listing : admin.listConsumerGroups().all().get(15, TimeUnit.SECONDS)) {
                if (!listing.groupId().startsWith("bench")) {
                    groups.add(listing.groupId());
                }
            }
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
                committed.keySet().forEach(tp -> request.put(tp, OffsetSpec.latest()));
                var ends = admin.listOffsets(request).all().get(15, TimeUnit.SECONDS);
                long total = 0;
                for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
                    if (e.getValue() != null && ends.containsKey(e.getKey())) {
                        total += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
                    }
                }
                lag.put(group, total);
            }
        } catch (Exception e) {
            lag.put("unavailable: " + e.getClass().getSimpleName(), -1L);
        }
        return lag;
    }

    private boolean healthy(String base) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** reporting-service documents {@code /api/v1/facts/cases/{caseId}} in its OpenAPI document. */
    private boolean projectionEndpointPresent() {
        try {
            HttpResponse<String> r = http.send(tokens.as(ADMIN, HttpRequest.newBuilder(
                            URI.create(config.reporting() + "/v3/api-docs")))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("/api/v1/facts/cases/");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Polls the case's fact until it is there: nanoTime when it was first seen, or -1. */
    private long pollProjection(String caseId, long deadline) {
        URI uri = URI.create(config.reporting() + "/api/v1/facts/cases/" + caseId);
        long started = System.nanoTime();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> r = http.send(tokens.as(ADMIN, HttpRequest.newBuilder(uri))
                                .timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return System.nanoTime();
                }
                // a tenth of the time waited so far, between 20 ms and 1 s: the figure is within ~10 % (20 ms at
                // least), and a slow projection is not polled harder the slower it gets. A fixed 50 ms made ~50
                // probes × 20 requests/s on the reporting service at 60 reports/s, a load of the bench's own.
                long waited = System.nanoTime() - started;
                Thread.sleep(Math.clamp(waited / 10_000_000L, 20L, 1_000L));
            } catch (IOException e) {
                LockSupport.parkNanos(100_000_000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        return -1;
    }

    /**
     * POST /api/v1/projections/rebuild, then its eventsPerSecond once COMPLETED; null when not offered. It first waits
     * (at most 3 minutes) for the consumer groups to catch up after the last step: a rebuild measured while the
     * services still work off a backlog measures the backlog (1,063 events/s measured right after a saturating step).
     */
    private Double projectionRebuild() {
        URI uri = URI.create(config.reporting() + "/api/v1/projections/rebuild");
        try {
            long waitStarted = System.nanoTime();
            Map<String, Long> lag = awaitCaughtUp(waitStarted + TimeUnit.MINUTES.toNanos(3), 1000);
            System.out.printf("projection rebuild: starts after %.0f s waiting for the consumers, lag %s%n",
                    (System.nanoTime() - waitStarted) / 1e9, lag);
            HttpResponse<String> started = http.send(tokens.as(ADMIN, HttpRequest.newBuilder(uri))
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (started.statusCode() != 202 && started.statusCode() != 409) {
                System.out.println("projection rebuild: not offered (" + started.statusCode() + ")");
                return null;
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (System.nanoTime() < deadline) {
                Thread.sleep(250);
                HttpResponse<String> state = http.send(tokens.as(ADMIN, HttpRequest.newBuilder(uri))
                        .timeout(Duration.ofSeconds(10)).GET()
                        .build(), HttpResponse.BodyHandlers.ofString());
                String body = state.body();
                if (body.contains("\"COMPLETED\"")) {
                    Double eps = number(body, "eventsPerSecond");
                    System.out.printf("projection rebuild: %s events at %s events/s%n", number(body, "eventsRead"), eps);
                    return eps;
                }
                if (body.contains("\"FAILED\"")) {
                    System.out.println("projection rebuild: FAILED " + body);
                    return null;
                }
            }
            System.out.println("projection rebuild: not finished within 5 minutes");
        } catch (IOException e) {
            System.out.println("projection rebuild: reporting-service unreachable (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    static Double number(String json, String field) {
        var m = java.util.regex.Pattern.compile("\"" + field + "\"\\s*:\\s*(-?[0-9.eE+]+)").matcher(json);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }

    /** Component → pid, from the pid files ./platform writes (none when there are none). */
    private Map<String, Long> pids() {
        Map<String, Long> pids = new TreeMap<>();
        try (var files = Files.list(config.runDir())) {
            for (Path pidFile : files.filter(p -> p.toString().endsWith(".pid")).toList()) {
                try {
                    pids.put(pidFile.getFileName().toString().replace(".pid", ""),
                            Long.parseLong(Files.readString(pidFile).trim()));
                } catch (NumberFormatException | IOException e) {
                    // a pid file being rewritten: that component is left out
                }
            }
        } catch (IOException e) {
            System.out.println("no pid files under " + config.runDir() + " (" + e.getMessage() + ")");
        }
        return pids;
    }

    /** Component → {peak RSS (VmHWM), current RSS} in kB. */
    private Map<String, long[]> rss() {
        Map<String, long[]> rss = new TreeMap<>();
        pids().forEach((component, pid) -> {
            Path status = Path.of("/proc", Long.toString(pid), "status");
            if (!Files.isReadable(status)) {
                return;
            }
            long hwm = 0;
            long now = 0;
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        hwm = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    } else if (line.startsWith("VmRSS:")) {
                        now = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException e) {
                return;
            }
            rss.put(component, new long[]{hwm, now});
        });
        return rss;
    }

    /** Component → the CPU time its process has used so far (user + system), where the OS tells it. */
    private Map<String, Duration> cpuTimes() {
        Map<String, Duration> cpu = new TreeMap<>();
        pids().forEach((component, pid) -> ProcessHandle.of(pid)
                .flatMap(process -> process.info().totalCpuDuration())
                .ifPresent(time -> cpu.put(component, time)));
        return cpu;
    }

    // -----------------------------------------------------------------------------------------------------------------
    // Output

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String f(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.1f", v);
    }

    /** The step the latency targets refer to: 200/s if run, else the first open-loop step. */
    private static Step latencyStep(List<Step> steps) {
        return steps.stream().filter(s -> s.rate == 200).findFirst()
                .orElse(steps.stream().filter(s -> !s.closed).findFirst().orElse(steps.isEmpty() ? null : steps.getFirst()));
    }

    /** The highest end-to-end rate of a step that routed everything it accepted. */
    private static Step throughputStep(List<Step> steps) {
        Step best = null;
        for (Step s : steps) {
            if (s.completed.sum() >= s.accepted.sum() && (best == null || s.routedPerSecond() > best.routedPerSecond())) {
                best = s;
            }
        }
        return best;
    }

    private void printTable(Raw raw, StoreBaseline.Result store, int recordSize, List<Step> steps, Double rebuild,
                            Map<String, long[]> rss) {
        System.out.println();
        System.out.printf("%-8s %8s %8s %7s %9s %17s %23s %23s %23s %9s %s%n", "step", "offered", "accepted",
                "errors", "routed/s", "intake p50/p99", "→agency p50/p99/max", "emergency p50/p99/max",
                "→projection p50/p99/max", "msg/rep", "lag");
        for (Step s : steps) {
            System.out.printf(Locale.ROOT, "%-8s %8s %8d %7d %9.1f %17s %23s %23s %23s %9.2f %s%n", s.name,
                    s.closed ? "closed" : Integer.toString(s.rate), s.accepted.sum(), s.errorCount(),
                    s.routedPerSecond(), s.intakeSummary(), s.summary(s.referral), s.summary(s.emergency),
                    s.summary(s.projection),
                    s.messagesPerReport(), s.lag);
        }
        System.out.printf(Locale.ROOT, "raw Kafka baseline: %.0f records/s (%d B, acks=all, idempotent), one at a time "
                + "p50 %.2f / p99 %.2f ms%n", raw.recordsPerSecond(), recordSize, raw.syncP50Ms(), raw.syncP99Ms());
        Step best = throughputStep(steps);
        if (best != null) {
            System.out.printf(Locale.ROOT, "best routed rate: %.1f reports/s (%s) = %.3f%% of the raw records/s; "
                            + "%.2f messages per report → %.0f records/s written%n", best.routedPerSecond(), best.name,
                    100 * best.routedPerSecond() / raw.recordsPerSecond(), best.messagesPerReport(),
                    best.routedPerSecond() * best.messagesPerReport());
        }
        if (store != null) {
            System.out.printf(Locale.ROOT, "raw store baseline: %.0f commands/s (%d clients), p50 %.2f / p99 %.2f ms%n",
                    store.commandsPerSecond(), store.clients(), store.p50Ms(), store.p99Ms());
            if (best != null && best.storeCommandsTotal() > 0) {
                System.out.printf(Locale.ROOT, "store commands per report %.1f (%s) → the store alone allows at most "
                                + "%.0f reports/s%n", best.storeCommandsTotal(), best.name,
                        store.commandsPerSecond() / best.storeCommandsTotal());
            }
        }
        for (Step s : steps) {
            if (!s.cpuMsPerReport.isEmpty()) {
                StringBuilder c = new StringBuilder("CPU per accepted report, step and drain (ms), " + s.name + ":");
                s.cpuMsPerReport.forEach((component, ms) ->
                        c.append(String.format(Locale.ROOT, " %s %.2f", component, ms)));
                c.append(String.format(Locale.ROOT, "; total %.2f",
                        s.cpuMsPerReport.values().stream().mapToDouble(Double::doubleValue).sum()));
                System.out.println(c);
            }
            if (!s.storeCommandsPerReport.isEmpty()) {
                StringBuilder c = new StringBuilder("store commands per accepted report, step and drain, " + s.name + ":");
                s.storeCommandsPerReport.forEach((service, n) ->
                        c.append(String.format(Locale.ROOT, " %s %.2f", service, n)));
                c.append(String.format(Locale.ROOT, "; total %.2f", s.storeCommandsTotal()));
                System.out.println(c);
            }
        }
        System.out.println("projection rebuild: " + (rebuild == null ? "n/a" : f(rebuild) + " events/s"));
        StringBuilder r = new StringBuilder("peak RSS (VmHWM):");
        rss.forEach((c, v) -> r.append(String.format(Locale.ROOT, " %s %d MB", c, v[0] / 1024)));
        System.out.println(r);
    }

    private void writeJson(Raw raw, StoreBaseline.Result store, int recordSize, List<Step> steps, Double rebuild,
                           Map<String, long[]> rss, boolean projection) throws IOException {
        Step best = throughputStep(steps);
        Step latency = latencyStep(steps);
        StringBuilder j = new StringBuilder("{\n");
        j.append("  \"generatedAt\": \"").append(Instant.now()).append("\",\n");
        j.append("  \"machine\": {\"cpus\": ").append(Runtime.getRuntime().availableProcessors()).append("},\n");
        j.append("  \"reportsPerSecond\": ").append(best == null ? "null" : num(best.routedPerSecond())).append(",\n");
        j.append("  \"reportsPerSecondStep\": ").append(best == null ? "null" : "\"" + best.name + "\"").append(",\n");
        j.append("  \"kafkaRecordsPerSecond\": ").append(num(raw.recordsPerSecond())).append(",\n");
        j.append("  \"ratioToKafka\": ").append(best == null ? "null" : String.format(Locale.ROOT, "%.6f", best.routedPerSecond() / raw.recordsPerSecond()))
                .append(",\n");
        j.append("  \"kafkaSyncP50Ms\": ").append(num(raw.syncP50Ms())).append(",\n");
        j.append("  \"kafkaSyncP99Ms\": ").append(num(raw.syncP99Ms())).append(",\n");
        j.append("  \"recordBytes\": ").append(recordSize).append(",\n");
        j.append("  \"messagesPerReport\": ").append(best == null ? "null" : num(best.messagesPerReport())).append(",\n");
        j.append("  \"storeCommandsPerSecond\": ").append(store == null ? "null" : num(store.commandsPerSecond()))
                .append(",\n");
        j.append("  \"storeClients\": ").append(store == null ? "null" : Integer.toString(store.clients())).append(",\n");
        j.append("  \"storeP50Ms\": ").append(store == null ? "null" : num(store.p50Ms())).append(",\n");
        j.append("  \"storeP99Ms\": ").append(store == null ? "null" : num(store.p99Ms())).append(",\n");
        double perReport = best == null ? 0 : best.storeCommandsTotal();
        j.append("  \"storeCommandsPerReport\": ").append(perReport > 0 ? num(perReport) : "null").append(",\n");
        j.append("  \"storeCeilingReportsPerSecond\": ").append(store != null && perReport > 0
                ? num(store.commandsPerSecond() / perReport) : "null").append(",\n");
        j.append("  \"latencyStep\": ").append(latency == null ? "null" : "\"" + latency.name + "\"").append(",\n");
        j.append("  \"p50Ms\": ").append(latency == null ? "null" : num(latency.pct(latency.referral, 50))).append(",\n");
        j.append("  \"p99Ms\": ").append(latency == null ? "null" : num(latency.pct(latency.referral, 99))).append(",\n");
        j.append("  \"maxMs\": ").append(latency == null ? "null" : num(latency.pct(latency.referral, 100))).append(",\n");
        j.append("  \"emergencyP50Ms\": ").append(latency == null ? "null" : num(latency.pct(latency.emergency, 50)))
                .append(",\n");
        j.append("  \"emergencyP99Ms\": ").append(latency == null ? "null" : num(latency.pct(latency.emergency, 99)))
                .append(",\n");
        j.append("  \"projectionP50Ms\": ").append(!projection || latency == null ? "null"
                : num(latency.pct(latency.projection, 50))).append(",\n");
        j.append("  \"projectionP99Ms\": ").append(!projection || latency == null ? "null"
                : num(latency.pct(latency.projection, 99))).append(",\n");
        j.append("  \"projectionRebuildEventsPerSecond\": ").append(rebuild == null ? "null" : num(rebuild)).append(",\n");
        j.append("  \"rssMb\": {");
        j.append(String.join(", ", rss.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue()[0] / 1024).toList()));
        j.append("},\n  \"rssNowMb\": {");
        j.append(String.join(", ", rss.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue()[1] / 1024).toList()));
        j.append("},\n  \"steps\": [\n");
        for (int i = 0; i < steps.size(); i++) {
            j.append("    ").append(steps.get(i).json()).append(i + 1 < steps.size() ? ",\n" : "\n");
        }
        j.append("  ]\n}\n");
        Path out = config.out().toAbsolutePath();
        Files.createDirectories(out.getParent());
        Files.writeString(out, j.toString());
    }

    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "null";
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    // -----------------------------------------------------------------------------------------------------------------

    /** One step's figures. Latencies in nanoseconds. */
    static final class Step {
        final String name;
        final int rate;
        final boolean closed;
        final LongAdder sent = new LongAdder();
        final LongAdder accepted = new LongAdder();
        final LongAdder completed = new LongAdder();
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        final Recorder intake = new Recorder(3);
        final Recorder referral = new Recorder(3);
        /** the EMERGENCY interventions among {@link #referral} (their own intake lane) */
        final Recorder emergency = new Recorder(3);
        final Recorder projection = new Recorder(3);
        private final Map<Recorder, Histogram> snapshots = new ConcurrentHashMap<>();
        volatile long started;
        volatile long sendingEnded;
        final AtomicLong lastCompletion = new AtomicLong();
        Map<String, Long> lag = Map.of();
        long recordsWritten;
        /** component → CPU ms its process used from the step's start to the end of its drain, per accepted report */
        final Map<String, Double> cpuMsPerReport = new TreeMap<>();
        /** service → store commands its driver sent from the step's start to the end of its drain, per accepted report */
        final Map<String, Double> storeCommandsPerReport = new TreeMap<>();

        Step(String name, int rate, boolean closed) {
            this.name = name;
            this.rate = rate;
            this.closed = closed;
        }

        void start(long at) {
            started = at;
        }

        void error(String kind) {
            errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }

        long errorCount() {
            return errors.values().stream().mapToLong(LongAdder::sum).sum();
        }

        void completed(long at) {
            completed.increment();
            lastCompletion.accumulateAndGet(at, Math::max);
        }

        /** Reports routed end to end per second, from the first scheduled send to the last routed report. */
        double routedPerSecond() {
            long end = lastCompletion.get();
            if (end <= started || completed.sum() == 0) {
                return 0;
            }
            return completed.sum() / ((end - started) / 1e9);
        }

        double storeCommandsTotal() {
            return storeCommandsPerReport.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        double messagesPerReport() {
            return accepted.sum() == 0 ? 0 : (double) recordsWritten / accepted.sum();
        }

        Histogram histogram(Recorder recorder) {
            return snapshots.computeIfAbsent(recorder, r -> r.getIntervalHistogram());
        }

        double pct(Recorder recorder, double percentile) {
            Histogram h = histogram(recorder);
            if (h.getTotalCount() == 0) {
                return Double.NaN;
            }
            return ms(percentile >= 100 ? h.getMaxValue() : h.getValueAtPercentile(percentile));
        }

        String summary(Recorder recorder) {
            if (histogram(recorder).getTotalCount() == 0) {
                return "n/a";
            }
            return String.format(Locale.ROOT, "%.1f/%.1f/%.0f", pct(recorder, 50), pct(recorder, 99), pct(recorder, 100));
        }

        String intakeSummary() {
            if (histogram(intake).getTotalCount() == 0) {
                return "n/a";
            }
            return String.format(Locale.ROOT, "%.1f/%.1f", pct(intake, 50), pct(intake, 99));
        }

        String json() {
            StringBuilder e = new StringBuilder("{");
            errors.forEach((k, v) -> e.append(e.length() > 1 ? ", " : "").append('"').append(k).append("\": ").append(v.sum()));
            e.append('}');
            StringBuilder l = new StringBuilder("{");
            lag.forEach((k, v) -> l.append(l.length() > 1 ? ", " : "").append('"').append(k).append("\": ").append(v));
            l.append('}');
            StringBuilder c = new StringBuilder("{");
            cpuMsPerReport.forEach((k, v) -> c.append(c.length() > 1 ? ", " : "").append('"').append(k).append("\": ")
                    .append(num(v)));
            c.append('}');
            StringBuilder sc = new StringBuilder("{");
            storeCommandsPerReport.forEach((k, v) -> sc.append(sc.length() > 1 ? ", " : "").append('"').append(k)
                    .append("\": ").append(num(v)));
            sc.append('}');
            return String.format(Locale.ROOT, "{\"step\": \"%s\", \"mode\": \"%s\", \"offeredPerSecond\": %s, "
                            + "\"sendSeconds\": %s, \"sent\": %d, \"accepted\": %d, \"routed\": %d, \"errors\": %s, "
                            + "\"reportsPerSecond\": %s, \"intakeP50Ms\": %s, \"intakeP99Ms\": %s, \"p50Ms\": %s, "
                            + "\"p99Ms\": %s, \"maxMs\": %s, \"projectionSamples\": %d, \"projectionP50Ms\": %s, "
                            + "\"projectionP99Ms\": %s, \"projectionMaxMs\": %s, \"messagesPerReport\": %s, "
                            + "\"recordsWritten\": %d, \"consumerLag\": %s, \"cpuMsPerReport\": %s, "
                            + "\"storeCommandsPerReport\": %s, \"emergencySamples\": %d, \"emergencyP50Ms\": %s, "
                            + "\"emergencyP99Ms\": %s, \"emergencyMaxMs\": %s}",
                    name, closed ? "closed-loop" : "open-loop", closed ? "null" : Integer.toString(rate),
                    num((sendingEnded - started) / 1e9), sent.sum(), accepted.sum(), completed.sum(), e,
                    num(routedPerSecond()), num(pct(intake, 50)), num(pct(intake, 99)), num(pct(referral, 50)),
                    num(pct(referral, 99)), num(pct(referral, 100)), histogram(projection).getTotalCount(),
                    num(pct(projection, 50)), num(pct(projection, 99)), num(pct(projection, 100)),
                    num(messagesPerReport()), recordsWritten, l, c, sc, histogram(emergency).getTotalCount(),
                    num(pct(emergency, 50)), num(pct(emergency, 99)), num(pct(emergency, 100)));
        }
    }
}
