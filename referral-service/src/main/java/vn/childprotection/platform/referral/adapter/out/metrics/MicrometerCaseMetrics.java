package vn.childprotection.platform.referral.adapter.out.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.referral.application.port.out.CaseMetrics;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** {@link CaseMetrics} on Micrometer; every tag is a code (contact type, severity, agency, role, event type). */
public final class MicrometerCaseMetrics implements CaseMetrics {

    public static final String CASES_OPENED = "referral.cases.opened";
    public static final String REFERRALS_ISSUED = "referral.referrals.issued";
    public static final String OUTBOX_PUBLISHED = "referral.outbox.published";
    public static final String OUTBOX_PUBLISH_FAILURES = "referral.outbox.publish.failures";
    public static final String OUTBOX_PUBLISH_LATENCY = "referral.outbox.publish.latency";
    public static final String OUTBOX_PENDING_CASES = "referral.outbox.pending.cases";
    public static final String OUTBOX_CHECKS = "referral.outbox.checks";
    public static final String OUTBOX_FOUND_PUBLISHED = "referral.outbox.found.published";
    public static final String RESPONSES_APPLIED = "referral.responses.applied";
    public static final String RESPONSES_DUPLICATE = "referral.responses.duplicate";
    public static final String RESPONSES_REJECTED = "referral.responses.rejected";
    public static final String REFERRALS_OVERDUE = "referral.referrals.overdue";

    private final MeterRegistry registry;
    private final AtomicLong pending = new AtomicLong();

    public MicrometerCaseMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(OUTBOX_PENDING_CASES, pending, AtomicLong::get)
                .description("Cases with outbox messages not yet published (as of the last sweep)")
                .register(registry);
    }

    @Override
    public void caseOpened(ContactType contactType, Severity severity) {
        Counter.builder(CASES_OPENED).description("Cases opened from reports")
                .tag("contactType", String.valueOf(contactType)).tag("severity", String.valueOf(severity))
                .register(registry).increment();
    }

    @Override
    public void referralIssued(String agency, ReferralRole role) {
        Counter.builder(REFERRALS_ISSUED).description("Referrals issued to agencies")
                .tag("agency", agency).tag("role", String.valueOf(role))
                .register(registry).increment();
    }

    @Override
    public void messagePublished(String eventType, Duration sinceOpened) {
        Counter.builder(OUTBOX_PUBLISHED).description("Outbox messages acknowledged by the broker")
                .tag("eventType", String.valueOf(eventType)).register(registry).increment();
        Timer.builder(OUTBOX_PUBLISH_LATENCY)
                .description("Time from opening the case to the broker's acknowledgement of each message")
                .tag("eventType", String.valueOf(eventType))
                .publishPercentileHistogram()
                .register(registry).record(sinceOpened.isNegative() ? Duration.ZERO : sinceOpened);
    }

    @Override
    public void publishFailed(String eventType) {
        Counter.builder(OUTBOX_PUBLISH_FAILURES).description("Outbox publish attempts that failed (retried)")
                .tag("eventType", String.valueOf(eventType)).register(registry).increment();
    }

    @Override
    public void pendingCases(long count) {
        pending.set(count);
    }

    @Override
    public void publicationCheck(String outcome) {
        Counter.builder(OUTBOX_CHECKS)
                .description("Checks of the topics for copies an unfinished relay attempt may have left")
                .tag("outcome", outcome).register(registry).increment();
    }

    @Override
    public void messageFoundPublished(String eventType) {
        Counter.builder(OUTBOX_FOUND_PUBLISHED)
                .description("Pending outbox messages found already on their topic (marked, not sent again)")
                .tag("eventType", String.valueOf(eventType)).register(registry).increment();
    }

    @Override
    public void responseApplied(String action, String channel) {
        Counter.builder(RESPONSES_APPLIED).description("Agency responses applied to referrals (S0 Art 7.2)")
                .tag("action", action).tag("channel", channel).register(registry).increment();
    }

    @Override
    public void responseDuplicate(String channel) {
        Counter.builder(RESPONSES_DUPLICATE).description("Agency responses whose responseId was already applied")
                .tag("channel", channel).register(registry).increment();
    }

    @Override
    public void responseRejected(String code) {
        Counter.builder(RESPONSES_REJECTED).description("Agency responses refused, by rejection code")
                .tag("code", code).register(registry).increment();
    }

    @Override
    public void referralOverdue(String deadline, String stage) {
        Counter.builder(REFERRALS_OVERDUE).description("ReferralOverdue raised by the deadline watchdog")
                .tag("deadline", deadline).tag("stage", stage).register(registry).increment();
    }
}
