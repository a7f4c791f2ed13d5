package vn.childprotection.platform.deploy;

import vn.childprotection.platform.contracts.Ids;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.awaitility.Awaitility.await;

/**
 * Reports posted to intake at a fixed rate (open loop: a slow answer does not slow the stream), each on a virtual
 * thread, until stopped or until {@code limit} reports were sent. Every answer is classified: 202 (the report id
 * and its case id go to {@code accepted}), 503 with a numeric Retry-After and a problem body, or anything else.
 */
final class ReportStream {

    final AtomicInteger accepted = new AtomicInteger();
    final AtomicInteger unavailable = new AtomicInteger();
    final AtomicInteger sent = new AtomicInteger();
    final Map<String, Integer> unexpected = new ConcurrentHashMap<>();
    /** Requests sent and not yet answered (each is bounded by the client's request timeout). */
    final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final LocalPlatform platform;
    private final Map<UUID, String> acceptedReports;
    private Thread thread;

    record Outcome(int sent, int accepted, int unavailable, Map<String, Integer> unexpected) {
    }

    private ReportStream(LocalPlatform platform, Map<UUID, String> acceptedReports) {
        this.platform = platform;
        this.acceptedReports = acceptedReports;
    }

    /** @param accepted where the accepted reports go (report id → case id) */
    static ReportStream start(LocalPlatform platform, int perSecond, int limit, Map<UUID, String> accepted) {
        ReportStream stream = new ReportStream(platform, accepted);
        long interval = 1_000_000_000L / perSecond;
        stream.thread = Thread.ofPlatform().name("report-stream").start(() -> {
            long next = System.nanoTime();
            while (stream.running.get() && stream.sent.get() < limit) {
                UUID reportId = UUID.randomUUID();
                stream.inFlight.incrementAndGet();
                stream.sent.incrementAndGet();
                Thread.ofVirtual().start(() -> {
                    try {
                        stream.postOne(reportId);
                    } finally {
                        stream.inFlight.decrementAndGet();
                    }
                });
                next += interval;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
        });
        return stream;
    }

    static ReportStream start(LocalPlatform platform, int perSecond, Map<UUID, String> accepted) {
        return start(platform, perSecond, Integer.MAX_VALUE, accepted);
    }

    /** Waits until {@code more} further reports were accepted. */
    void awaitAccepted(int more) {
        int target = accepted.get() + more;
        platform.onFailurePrintLogs(() -> await(more + " more reports accepted").atMost(LocalPlatform.FLOW)
                .pollInterval(Duration.ofMillis(100)).until(() -> accepted.get() >= target));
    }

    /** Stops sending and waits for the last answers. */
    Outcome stop() throws InterruptedException {
        running.set(false);
        thread.join();
        await("the last requests answered").atMost(LocalPlatform.FLOW).pollInterval(Duration.ofMillis(50))
                .until(() -> inFlight.get() == 0);
        return new Outcome(sent.get(), accepted.get(), unavailable.get(), Map.copyOf(unexpected));
    }

    private void postOne(UUID reportId) {
        try {
            HttpResponse<String> response = platform.post(reportId);
            if (response.statusCode() == 202) {
                acceptedReports.put(reportId, Ids.caseIdFor(reportId));
                accepted.incrementAndGet();
            } else if (response.statusCode() == 503
                    && response.headers().firstValue("Retry-After").filter(v -> v.matches("\\d+")).isPresent()
                    && response.body().contains("\"status\":503")) {
                unavailable.incrementAndGet();
            } else {
                unexpected.merge(response.statusCode() + " " + response.headers().firstValue("Retry-After")
                        .orElse("(no Retry-After)"), 1, Integer::sum);
            }
        } catch (IOException e) {
            // no answer: the report was not accepted (the hotline system keeps it and sends it again)
            unexpected.merge("no answer: " + e.getClass().getSimpleName(), 1, Integer::sum);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
