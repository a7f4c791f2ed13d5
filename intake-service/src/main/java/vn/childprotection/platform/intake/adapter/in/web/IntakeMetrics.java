package vn.childprotection.platform.intake.adapter.in.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import vn.childprotection.platform.contracts.Channel;
import vn.childprotection.platform.intake.application.port.in.SubmitReportUseCase;

/** {@code intake.reports{outcome, channel}}: codes only, nothing personal. */
final class IntakeMetrics {

    private final MeterRegistry meters;

    IntakeMetrics(MeterRegistry meters) {
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
        Counter.builder("intake.reports")
                .description("reports submitted, by outcome")
                .tag("outcome", outcome)
                .tag("channel", channel == null ? "unknown" : channel.name())
                .register(meters)
                .increment();
    }
}
