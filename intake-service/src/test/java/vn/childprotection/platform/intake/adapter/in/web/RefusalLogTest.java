package vn.childprotection.platform.intake.adapter.in.web;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RefusalLogTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger("refusal-log-test");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Instant now = Instant.parse("2026-12-07T08:00:00Z");
    private final RefusalLog refusals = new RefusalLog(logger, new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }, 10_000);

    RefusalLogTest() {
        lines.start();
        logger.addAppender(lines);
    }

    @Test
    void aFloodOfRefusalsWritesOneLinePerIntervalCountingTheOthers() {
        for (int i = 0; i < 1_000; i++) {
            refusals.refused("r" + i, "routing is behind");
        }
        now = now.plus(Duration.ofSeconds(10));
        refusals.refused("r1000", "routing is behind");

        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "report r0 not accepted: routing is behind",
                "report r1000 not accepted: routing is behind (999 more refused since the last line)");
    }
}
