package vn.childprotection.platform.intake.adapter.out.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.intake.application.port.out.RoutingBacklog;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The routing backlog of each intake lane, read from the broker every {@code refresh}: the lane topic's end offsets
 * minus the offsets the routing consumer group has committed. A lane whose backlog is at {@code maxReports} or more
 * admits no more reports until routing catches up. While the figure is unknown (the broker is unreachable, the topic
 * or the group does not exist yet) a lane admits: the publish itself then decides.
 */
public final class KafkaRoutingBacklog implements RoutingBacklog, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaRoutingBacklog.class);
    private static final List<String> LANES = List.of(Topics.INTAKE_REPORTS, Topics.INTAKE_REPORTS_URGENT);

    private final Admin admin;
    private final String group;
    private final long maxReports;
    private final Duration timeout;
    /** lane topic → reports accepted and not yet routed; absent while unknown */
    private final Map<String, Long> backlog = new ConcurrentHashMap<>();
    private final ScheduledExecutorService refresher;
    private volatile boolean full;

    public KafkaRoutingBacklog(Admin admin, String group, long maxReports, Duration refresh, MeterRegistry meters) {
        this.admin = admin;
        this.group = group;
        this.maxReports = maxReports;
        this.timeout = refresh.multipliedBy(2);
        for (String lane : LANES) {
            Gauge.builder("intake.routing.backlog", backlog, b -> b.getOrDefault(lane, -1L))
                    .description("reports accepted on the lane and not yet routed (-1: not known)")
                    .tag("lane", lane).register(meters);
        }
        this.refresher = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("routing-backlog").daemon().factory());
        refresher.scheduleWithFixedDelay(this::refresh, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean admits(Severity severity) {
        Long reports = backlog.get(Topics.intakeReportsFor(severity));
        return reports == null || reports < maxReports;
    }

    void refresh() {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Map<String, List<TopicPartition>> partitions = new HashMap<>();
            admin.describeTopics(LANES).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((topic, description) -> partitions.put(topic, description.partitions().stream()
                            .map(p -> new TopicPartition(topic, p.partition())).toList()));
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.values().forEach(list -> list.forEach(tp -> latest.put(tp, OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            boolean anyFull = false;
            for (Map.Entry<String, List<TopicPartition>> lane : partitions.entrySet()) {
                long reports = 0;
                for (TopicPartition tp : lane.getValue()) {
                    OffsetAndMetadata routed = committed.get(tp);
                    reports += Math.max(0, ends.get(tp).offset() - (routed == null ? 0 : routed.offset()));
                }
                backlog.put(lane.getKey(), reports);
                anyFull |= reports >= maxReports;
            }
            if (anyFull != full) {
                full = anyFull;
                log.warn(anyFull ? "routing is behind: a lane's backlog reached {} reports; its reports get 503 until "
                        + "routing catches up ({})" : "routing caught up: every lane below {} reports ({})",
                        maxReports, backlog);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception unknown) {
            backlog.clear(); // not known: the lanes admit, the publish decides
            log.debug("routing backlog not known: {}", unknown.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }
}
