package vn.childprotection.platform.intake.adapter.out.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import vn.childprotection.platform.contracts.EventJson;
import vn.childprotection.platform.contracts.ReportSubmitted;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.contracts.Topics;
import vn.childprotection.platform.intake.application.port.out.ReportPublisher;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes to {@code intake.reports.v1} — an EMERGENCY report to {@code intake.reports.urgent.v1}, its own lane
 * ({@link Topics#intakeReportsFor}) — keyed by case id, with no headers of its own, and waits for the broker's
 * acknowledgement (acks=all, idempotent producer) at most {@code timeout}.
 */
public final class KafkaReportPublisher implements ReportPublisher {

    private static final Logger log = LoggerFactory.getLogger(KafkaReportPublisher.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final Duration timeout;
    private final Timer latency;

    public KafkaReportPublisher(KafkaTemplate<String, byte[]> kafka, Duration timeout, MeterRegistry meters) {
        this.kafka = kafka;
        this.timeout = timeout;
        this.latency = Timer.builder("intake.publish").description("time until the broker acknowledged a report")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    /**
     * Creates the producer and reads both lanes' partitions from the broker, so that the first report after a start
     * does not wait for them. Nothing is sent; a broker that is not there yet only leaves the work to that report.
     */
    public void connect() {
        for (String lane : Arrays.stream(Severity.values()).map(Topics::intakeReportsFor).distinct().toList()) {
            try {
                kafka.partitionsFor(lane);
            } catch (RuntimeException notYet) {
                log.info("the producer will connect with the first report ({})", notYet.toString());
                return;
            }
        }
    }

    @Override
    public void publish(ReportSubmitted event) {
        long start = System.nanoTime();
        try {
            kafka.send(new ProducerRecord<>(Topics.intakeReportsFor(event.severity()), event.caseId(),
                            EventJson.write(event)))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new PublishFailedException("the broker did not confirm within " + timeout, e);
        }
    }
}
