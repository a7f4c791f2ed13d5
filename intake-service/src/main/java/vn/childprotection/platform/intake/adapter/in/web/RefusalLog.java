package vn.childprotection.platform.intake.adapter.in.web;

import org.slf4j.Logger;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One WARN line per interval for reports refused with a 503, with the number refused since the last line: under
 * overload a line per refusal buried everything else (256,085 lines in a ten-minute flood). The counter
 * {@code intake.reports{outcome=unavailable}} still counts every refusal.
 */
final class RefusalLog {

    private final Logger log;
    private final Clock clock;
    private final long intervalMillis;
    private final AtomicLong nextLineAt = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    RefusalLog(Logger log, Clock clock, long intervalMillis) {
        this.log = log;
        this.clock = clock;
        this.intervalMillis = intervalMillis;
    }

    void refused(String reportId, String reason) {
        long now = clock.millis();
        long due = nextLineAt.get();
        if (now >= due && nextLineAt.compareAndSet(due, now + intervalMillis)) {
            long others = suppressed.getAndSet(0);
            if (others == 0) {
                log.warn("report {} not accepted: {}", reportId, reason);
            } else {
                log.warn("report {} not accepted: {} ({} more refused since the last line)", reportId, reason, others);
            }
        } else {
            suppressed.incrementAndGet();
        }
    }
}
