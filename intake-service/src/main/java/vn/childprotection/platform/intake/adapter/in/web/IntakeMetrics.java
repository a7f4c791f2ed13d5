package vn.childprotection.platform.intake.adapter.in.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import vn.childprotection.platform.contracts.Channel;
import vn.childprotection.platform.intake.application.port.in.SubmitReportUseCase;

/**
 * {@code intake.reports{outcome, channel}}: outcome is accepted, duplicate, conflict, rejected or unavailable;
 * channel is a {@link Channel} code or {@code unknown}. Only these two tags, never anything from the report itself.
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

    private void increment(String outcome, Channel channel) {
        Counter.builder(REPORTS)
                .description("reports submitted, by outcome")
                .tag("outcome", outcome)
                .tag("channel", channel == null ? "unknown" : channel.name())
                .register(meters)
                .increment();
    }
}
