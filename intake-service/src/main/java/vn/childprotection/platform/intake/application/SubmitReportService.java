package vn.childprotection.platform.intake.application;

import vn.childprotection.platform.contracts.Ids;
import vn.childprotection.platform.contracts.ReportSubmitted;
import vn.childprotection.platform.intake.application.port.in.SubmitReportUseCase;
import vn.childprotection.platform.intake.application.port.out.ReportLog;
import vn.childprotection.platform.intake.application.port.out.ReportPublisher;
import vn.childprotection.platform.intake.application.port.out.RoutingBacklog;
import vn.childprotection.platform.intake.domain.Fingerprint;
import vn.childprotection.platform.intake.domain.PlacedLocation;
import vn.childprotection.platform.intake.domain.ReportDraft;
import vn.childprotection.platform.intake.domain.ReportPolicy;
import vn.childprotection.platform.intake.domain.ReportRecord;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Refused while the report's lane has a full routing backlog ({@link RoutingBacklog}). Otherwise once per
 * {@code reportId}: remember the report's fingerprint (PENDING), publish it and wait for the broker's
 * acknowledgement, then mark it PUBLISHED. A retry of the same report re-publishes the byte-identical event if
 * the first attempt never got confirmed (consumers de-duplicate by its deterministic event id) and otherwise
 * answers as before. A different report under a known id is a conflict. The fingerprint is over the report as
 * given; the event carries its location as placed on the map of its day, with the placement.
 *
 * <p>Marking PUBLISHED runs on {@code marker} (off the request path in production: one store round trip less per
 * 202). It is only an optimisation of retries: a report left PENDING by a lost mark is re-published
 * byte-identically when retried, and consumers drop the copy by its deterministic event id.
 */
public final class SubmitReportService implements SubmitReportUseCase {

    private final ReportLog log;
    private final ReportPublisher publisher;
    private final RoutingBacklog backlog;
    private final Clock clock;
    private final Executor marker;
    /** Reports published by this instance whose PUBLISHED mark is not stored yet: a retry must not re-publish. */
    private final Set<UUID> marking = ConcurrentHashMap.newKeySet();

    /** Marks PUBLISHED on the calling thread; routing always keeps up. */
    public SubmitReportService(ReportLog log, ReportPublisher publisher, Clock clock) {
        this(log, publisher, clock, Runnable::run);
    }

    /** Routing always keeps up. */
    public SubmitReportService(ReportLog log, ReportPublisher publisher, Clock clock, Executor marker) {
        this(log, publisher, severity -> true, clock, marker);
    }

    /**
     * @param backlog whether a report's lane takes more reports: while it does not, a report is answered as
     *                unavailable before anything is stored or published
     * @param marker  runs the PUBLISHED marks; a rejected mark runs on the calling thread
     */
    public SubmitReportService(ReportLog log, ReportPublisher publisher, RoutingBacklog backlog, Clock clock,
                               Executor marker) {
        this.log = log;
        this.publisher = publisher;
        this.backlog = backlog;
        this.clock = clock;
        this.marker = marker;
    }

    /** @param valid a normalized report that passed {@code ReportPolicy}, and its place */
    @Override
    public Result submit(ReportPolicy.Valid valid, String submittedBy) {
        ReportDraft report = valid.report();
        if (!backlog.admits(report.severity())) {
            return new Unavailable(report.reportId(), "routing is behind: its backlog is full");
        }
        String caseId = Ids.caseIdFor(report.reportId());
        String fingerprint = Fingerprint.of(report);
        ReportLog.Stored outcome;
        try {
            // millisecond precision: what the store keeps, so that a re-publish from the stored record is identical
            outcome = log.recordIfAbsent(new ReportRecord(report.reportId(), fingerprint, caseId,
                    ReportRecord.Status.PENDING, clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        } catch (ReportLog.StoreUnavailableException e) {
            return new Unavailable(report.reportId(), "the report log cannot be reached");
        }
        ReportRecord stored = outcome.record();
        if (!stored.sameContentAs(fingerprint)) {
            return new Conflict(report.reportId(), stored.caseId());
        }
        boolean duplicate = outcome.existed();
        if (stored.status() == ReportRecord.Status.PUBLISHED || marking.contains(report.reportId())) {
            return new Accepted(report.reportId(), caseId, true);
        }
        try {
            publisher.publish(eventOf(report, valid.placed(), stored, submittedBy));
        } catch (ReportPublisher.PublishFailedException e) {
            return new Unavailable(report.reportId(), "the broker did not confirm the report");
        }
        marking.add(report.reportId());
        try {
            marker.execute(() -> markPublished(report.reportId()));
        } catch (RejectedExecutionException saturated) {
            markPublished(report.reportId());
        }
        return new Accepted(report.reportId(), caseId, duplicate);
    }

    private void markPublished(UUID reportId) {
        try {
            log.markPublished(reportId);
        } catch (ReportLog.StoreUnavailableException e) {
            // the report is durable on the topic; a retry re-publishes the identical event, which consumers drop
        } finally {
            marking.remove(reportId);
        }
    }

    static ReportSubmitted eventOf(ReportDraft report, PlacedLocation placed, ReportRecord record,
                                   String submittedBy) {
        return new ReportSubmitted(
                Ids.nameBased(ReportSubmitted.TYPE, report.reportId().toString()),
                record.acceptedAt(),
                record.caseId(),
                report.reportId(),
                report.receivedAt(),
                report.channel(),
                report.contactType(),
                report.concerns(),
                report.severity(),
                placed.location(),
                report.child(),
                report.reporter(),
                report.narrative(),
                submittedBy,
                placed.placement());
    }
}
