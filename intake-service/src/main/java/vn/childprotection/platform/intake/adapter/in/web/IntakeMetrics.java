package vn.childprotection.platform.intake.adapter.in.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import vn.childprotection.platform.contracts.Channel;
import vn.childprotection.platform.intake.application.port.in.SubmitReportUseCase;

import java.util.function.IntSupplier;

/**
 * {@code intake.reports{outcome, channel}}: outcome is accepted, duplicate, conflict, rejected, unavailable or
 * at_capacity; channel is a {@link Channel} code or {@code unknown}. Only these two tags, never anything from the report itself.
 */
public final class IntakeMetrics {

    public static final String REPORTS = "intake.reports";

    private final MeterRegistry meters;

    public IntakeMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void count(SubmitReportUseCase.Result result, Channel channel) {
        String outcome = switch (result) {
            case SubmitReportUseCase.Accepted accepted -> accepted.duplicate() ? "duplicate" : "accepted";
            case SubmitReportUseCase.Conflict ignored -> "conflict";
            case SubmitReportUseCase.Unavailable ignored -> "unavailable";
        };
        increment(outcome, channel);
    }

    void rejected(Channel channel) {
        increment("rejected", channel);
    }

    /** A submission refused before its body was read (no slot): outcome {@code at_capacity}, channel unknown. */
    void refusedAtCapacity() {
        increment("at_capacity", null);
    }

    /** Gauges of the admission: submissions in hand and waiting for a slot. */
    void admission(IntSupplier inUse, IntSupplier waiting) {
        // strong references: a gauge holds its state weakly, and these lambdas have no other holder
        Gauge.builder("intake.admission.in_use", inUse, IntSupplier::getAsInt).strongReference(true)
                .description("report submissions being handled (each holds an admission slot)").register(meters);
        Gauge.builder("intake.admission.waiting", waiting, IntSupplier::getAsInt).strongReference(true)
                .description("report submissions waiting for an admission slot").register(meters);
    }

    private void increment(String outcome, Channel channel) {
        Counter.builder(REPORTS)
                .description("reports submitted, by outcome")
                .tag("outcome", outcome)
                .tag("channel", channel == null ? "unknown" : channel.name())
                .register(meters)
                .increment();
    }
}
