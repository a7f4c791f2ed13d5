package vn.childprotection.platform.support.messaging;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code consumers}: UP while every consumer makes progress; OUT_OF_SERVICE while one holds a partition because the
 * store or the broker cannot serve, with which partitions, since when, how many attempts and the failure's type. The
 * consumers resume by themselves; this says that they are waiting, and for what.
 */
public final class ConsumersHealthIndicator extends AbstractHealthIndicator {

    /** A consumer binding the service declares: its name, destination and group. */
    public record Declared(String binding, String destination, String group) {
    }

    private final ConsumerProgress progress;
    private final java.util.function.Supplier<List<Declared>> declared;

    /**
     * @param declared the consumer bindings the service declares; one the binder has not bound (it failed to, and
     *                 may still be trying) makes the service DOWN, naming it
     */
    public ConsumersHealthIndicator(ConsumerProgress progress, java.util.function.Supplier<List<Declared>> declared) {
        super("consumers health check failed");
        this.progress = progress;
        this.declared = declared;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<String> unbound = declared.get().stream()
                .filter(d -> !progress.isBound(d.destination(), d.group()))
                .map(d -> d.binding() + " (" + d.destination() + ", group " + d.group() + ")").toList();
        if (!unbound.isEmpty()) {
            builder.down().withDetail("state", "consumer bindings not bound: their messages are not consumed")
                    .withDetail("unbound", unbound);
            return;
        }
        List<ConsumerProgress.Waiting> waiting = progress.waiting();
        if (waiting.isEmpty()) {
            builder.up();
            return;
        }
        builder.status(Status.OUT_OF_SERVICE)
                .withDetail("state", "waiting for the store or the broker; resumes by itself")
                .withDetail("since", waiting.getFirst().since().toString())
                .withDetail("partitions", waiting.stream().map(ConsumersHealthIndicator::describe).toList());
    }

    private static Map<String, Object> describe(ConsumerProgress.Waiting w) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("group", w.group());
        details.put("partition", w.topic() + "-" + w.partition());
        details.put("since", w.since().toString());
        details.put("attempts", w.attempts());
        details.put("failure", w.failure());
        return details;
    }
}
