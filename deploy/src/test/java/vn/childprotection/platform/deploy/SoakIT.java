package vn.childprotection.platform.deploy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.childprotection.platform.contracts.Ids;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole platform at the highest rate this machine sustains, for a fixed number of reports: hotline systems that
 * send their next report as soon as the last was answered, and send a refused one again, unchanged, after its
 * Retry-After — more of them than intake admits at once. Afterwards every accepted report must be a case with its
 * referrals, each referral once on its topic, every figure counted once, every notification received, nothing
 * dead-lettered, no error in the store's log and every component healthy. The drill at 500 reports/s for ten
 * minutes ({@code ./platform bench}) is the long version (deploy README).
 */
class SoakIT {

    private static final int REPORTS = Integer.getInteger("soak.reports", 1_000);
    /** Senders at once: more than intake's admission slots, so that it must refuse some. */
    private static final int SENDERS = Integer.getInteger("soak.senders", 200);

    @TempDir
    static Path tmp;

    private static LocalPlatform platform;

    @BeforeAll
    static void startThePlatform() throws Exception {
        platform = LocalPlatform.start(tmp, "soak-logs");
    }

    @AfterAll
    static void stopThePlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aFixedNumberOfReportsAtTheHighestRateSustainedAreEachRoutedCountedAndNotifiedOnce() throws Exception {
        Map<UUID, String> accepted = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        Map<String, Integer> unexpected = new ConcurrentHashMap<>();
        AtomicInteger remaining = new AtomicInteger(REPORTS);
        long started = System.nanoTime();
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            senders.add(Thread.ofVirtual().start(() -> {
                while (remaining.getAndDecrement() > 0) {
                    UUID reportId = UUID.randomUUID();
                    while (true) {
                        int status = send(reportId, unexpected);
                        if (status == 202) {
                            accepted.put(reportId, Ids.caseIdFor(reportId));
                            break;
                        }
                        if (status == 503) {
                            refused.incrementAndGet();
                        }
                        // refused or unanswered: the hotline system keeps the report and sends it again, unchanged
                        LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
                    }
                }
            }));
        }
        for (Thread sender : senders) {
            sender.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("SOAK: %d reports accepted in %.1f s (%.1f/s), %d answered 503 first, unexpected %s%n",
                accepted.size(), seconds, accepted.size() / seconds, refused.get(), unexpected);
        assertThat(accepted).hasSize(REPORTS);
        assertThat(unexpected).as("answers other than 202 or 503 + Retry-After").isEmpty();

        new ExactlyOnceCheck(platform).verify(accepted);
        System.out.printf("SOAK: all routed, counted and notified %.1f s after the first report%n",
                (System.nanoTime() - started) / 1e9);
        assertThat(platform.deadLetters()).as("records dead-lettered").isZero();
        assertThat(platform.storeErrors()).as("errors in the store's log").isEmpty();
        assertThat(platform.storeHealth()).contains("\"status\":\"UP\"");
        platform.awaitHealthy(platform.services.values());
        platform.services.values().forEach(service -> assertThat(service.alive()).as(service.name()).isTrue());
    }

    private static int send(UUID reportId, Map<String, Integer> unexpected) {
        try {
            HttpResponse<String> response = platform.post(reportId);
            int status = response.statusCode();
            boolean refusedProperly = status == 503
                    && response.headers().firstValue("Retry-After").filter(v -> v.matches("\\d+")).isPresent();
            if (status != 202 && !refusedProperly) {
                unexpected.merge(Integer.toString(status), 1, Integer::sum);
            }
            return status;
        } catch (IOException e) {
            unexpected.merge("no answer: " + e.getClass().getSimpleName(), 1, Integer::sum);
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
