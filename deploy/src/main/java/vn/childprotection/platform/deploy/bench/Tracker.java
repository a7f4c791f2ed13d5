package vn.childprotection.platform.deploy.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import vn.childprotection.platform.contracts.Ids;
import vn.childprotection.platform.contracts.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Watches {@code case.events.v1} and every {@code referrals.*.v1} topic (all partitions, from the end; new agency
 * topics are picked up every 2 s from their beginning) and matches records by their key, the case id, with the
 * reports the harness sent. Receive time on this machine is the clock: harness, broker and services share it.
 */
final class Tracker implements AutoCloseable {

    /** Polls the projection of a case until it is there: nanoTime when seen, or -1 at the deadline. */
    interface ProjectionProbe {
        long firstSeen(String caseId, long deadlineNanos);
    }

    private static final Pattern REFERRAL_TOPIC = Pattern.compile(Pattern.quote(Topics.REFERRALS_PREFIX) + "[a-z0-9.-]+"
            + Pattern.quote(Topics.REFERRALS_SUFFIX));
    private static final byte[] CASE_OPENED = "\"CaseOpened.v1\"".getBytes(StandardCharsets.UTF_8);
    /** One routed intervention in this many is polled on the projection. */
    private static final int PROJECTION_SAMPLE = 20;

    private static final class Pending {
        final long scheduled;
        final boolean intervention;
        final boolean emergency;
        final BenchMain.Step step;
        volatile boolean accepted;
        volatile long referralAt;
        volatile long openedAt;
        volatile boolean done;

        Pending(long scheduled, boolean intervention, boolean emergency, BenchMain.Step step) {
            this.scheduled = scheduled;
            this.intervention = intervention;
            this.emergency = emergency;
            this.step = step;
        }
    }

    private final String bootstrap;
    private final ProjectionProbe probe;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<BenchMain.Step, AtomicInteger> probesRunning = new ConcurrentHashMap<>();
    private final AtomicLong interventions = new AtomicLong();
    private volatile boolean running = true;
    private Thread thread;
    private volatile boolean assigned;

    Tracker(String bootstrap, ProjectionProbe probe) {
        this.bootstrap = bootstrap;
        this.probe = probe;
    }

    void start() throws InterruptedException {
        thread = Thread.ofPlatform().name("bench-tracker").daemon().start(this::loop);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!assigned && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (!assigned) {
            throw new IllegalStateException("could not read case.events.v1 and the agency topics on " + bootstrap);
        }
    }

    /** Registers a report about to be sent; returns its case id (Ids.caseIdFor, as intake derives it). */
    String expect(ReportMix.Report report, long scheduled, BenchMain.Step step) {
        String caseId = Ids.caseIdFor(report.reportId());
        pending.put(caseId, new Pending(scheduled, report.intervention(), report.emergency(), step));
        return caseId;
    }

    void accepted(String caseId) {
        Pending p = pending.get(caseId);
        if (p != null) {
            p.accepted = true;
            maybeComplete(caseId, p, System.nanoTime());
        }
    }

    void forget(String caseId) {
        pending.remove(caseId);
    }

    void forgetStep(BenchMain.Step step) {
        pending.values().removeIf(p -> p.step == step);
    }

    /** Waits (at most the given time) for the step's projection probes. */
    void projectionsDone(BenchMain.Step step, long maxNanos) throws InterruptedException {
        long deadline = System.nanoTime() + maxNanos;
        AtomicInteger running = probesRunning.get(step);
        while (running != null && running.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private void loop() {
        Properties props = BenchMain.kafkaClient(bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            Set<TopicPartition> current = new HashSet<>();
            long nextRefresh = 0;
            boolean first = true;
            while (running) {
                if (System.nanoTime() >= nextRefresh) {
                    List<TopicPartition> all = new ArrayList<>();
                    for (Map.Entry<String, List<PartitionInfo>> topic : consumer.listTopics(Duration.ofSeconds(10)).entrySet()) {
                        if (topic.getKey().equals(Topics.CASE_EVENTS) || REFERRAL_TOPIC.matcher(topic.getKey()).matches()) {
                            topic.getValue().forEach(i -> all.add(new TopicPartition(i.topic(), i.partition())));
                        }
                    }
                    List<TopicPartition> added = all.stream().filter(tp -> !current.contains(tp)).toList();
                    if (!added.isEmpty()) {
                        current.addAll(added);
                        consumer.assign(current);
                        if (first) {
                            consumer.seekToEnd(added);
                        } else {
                            consumer.seekToBeginning(added); // created during the run: everything on it is new
                        }
                        current.forEach(consumer::position); // resolves the positions before the clock starts
                    }
                    first = false;
                    assigned = true;
                    nextRefresh = System.nanoTime() + 2_000_000_000L;
                }
                if (current.isEmpty()) {
                    Thread.sleep(100);
                    continue;
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    String caseId = record.key();
                    Pending p = caseId == null ? null : pending.get(caseId);
                    if (p == null) {
                        continue;
                    }
                    if (record.topic().equals(Topics.CASE_EVENTS)) {
                        if (p.openedAt == 0 && contains(record.value(), CASE_OPENED)) {
                            p.openedAt = now;
                        }
                    } else if (p.referralAt == 0) {
                        p.referralAt = now;
                        p.step.referral.recordValue(Math.max(0, now - p.scheduled));
                        if (p.emergency) {
                            p.step.emergency.recordValue(Math.max(0, now - p.scheduled));
                        }
                    }
                    maybeComplete(caseId, p, now);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (running) {
                System.err.println("bench tracker stopped: " + e);
            }
        }
    }

    private void maybeComplete(String caseId, Pending p, long now) {
        if (!p.accepted || p.openedAt == 0 || (p.intervention && p.referralAt == 0)) {
            return;
        }
        synchronized (p) {
            if (p.done) {
                return;
            }
            p.done = true;
        }
        p.step.completed(Math.max(now, Math.max(p.openedAt, p.referralAt)));
        pending.remove(caseId);
        if (probe != null && p.intervention && interventions.incrementAndGet() % PROJECTION_SAMPLE == 0) {
            AtomicInteger running = probesRunning.computeIfAbsent(p.step, s -> new AtomicInteger());
            running.incrementAndGet();
            Thread.ofVirtual().start(() -> {
                try {
                    long seen = probe.firstSeen(caseId, System.nanoTime() + 60_000_000_000L);
                    if (seen > 0) {
                        p.step.projection.recordValue(Math.max(0, seen - p.scheduled));
                    }
                } finally {
                    running.decrementAndGet();
                }
            });
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(5_000);
        }
    }
}
