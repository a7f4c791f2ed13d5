package vn.childprotection.platform.support.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which partitions a service's consumers are holding because the store or the broker cannot serve: each such
 * partition from its first failed attempt until a record of it is handled again. A partition that is not tried again
 * within {@code forgetAfter} (it was revoked, or its consumer stopped) is forgotten. Read by the health indicator.
 */
public final class ConsumerProgress {

    /** A partition held since {@code since}; {@code attempts} so far; the last failure's type (never its message). */
    public record Waiting(String group, String topic, int partition, Instant since, Instant lastAttempt, long attempts,
                          String failure) {
    }

    private final Clock clock;
    private final Duration forgetAfter;
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final java.util.Set<String> bound = ConcurrentHashMap.newKeySet();

    public ConsumerProgress(Clock clock, Duration forgetAfter) {
        this.clock = clock;
        this.forgetAfter = forgetAfter;
    }

    /** The binder made a listener container for this destination and group: its consumer runs. */
    public void bound(String destination, String group) {
        bound.add(destination + " " + group);
    }

    /** Whether the binder made a listener container for this destination and group. */
    public boolean isBound(String destination, String group) {
        return bound.contains(destination + " " + group);
    }

    /** A record of this partition could not be handled because the infrastructure is unavailable. */
    public void waiting(String group, String topic, int partition, Throwable failure) {
        Instant now = clock.instant();
        waiting.merge(key(group, topic, partition),
                new Waiting(group, topic, partition, now, now, 1, failure.getClass().getSimpleName()),
                (before, next) -> new Waiting(group, topic, partition, before.since(), now, before.attempts() + 1,
                        next.failure()));
    }

    /** A record of this partition was handled: it is no longer held. */
    public void progressed(String group, String topic, int partition) {
        if (!waiting.isEmpty()) {
            waiting.remove(key(group, topic, partition));
        }
    }

    /** The partitions held now, oldest first. */
    public List<Waiting> waiting() {
        Instant horizon = clock.instant().minus(forgetAfter);
        waiting.values().removeIf(w -> w.lastAttempt().isBefore(horizon));
        return waiting.values().stream().sorted(java.util.Comparator.comparing(Waiting::since)).toList();
    }

    private static String key(String group, String topic, int partition) {
        return group + "/" + topic + "-" + partition;
    }
}
