package vn.childprotection.platform.intake.application;

import vn.childprotection.platform.contracts.Ids;
import vn.childprotection.platform.contracts.ReportSubmitted;
import vn.childprotection.platform.intake.application.port.in.SubmitReportUseCase;
import vn.childprotection.platform.intake.application.port.out.ReportLog;
import vn.childprotection.platform.intake.application.port.out.ReportPublisher;
import vn.childprotection.platform.intake.domain.Fingerprint;
import vn.childprotection.platform.intake.domain.ReportDraft;
import vn.childprotection.platform.intake.domain.ReportRecord;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Once per {@code reportId}: remember the report's fingerprint (PENDING), publish it and wait for the broker's
 * acknowledgement, then mark it PUBLISHED. A retry of the same report re-publishes the byte-identical event if
 * the first attempt never got confirmed (consumers de-duplicate by its deterministic event id) and otherwise
 * answers as before. A different report under a known id is a conflict.
 */
public final class SubmitReportService implements SubmitReportUseCase {

    private final ReportLog log;
    private final ReportPublisher publisher;
    private final Clock clock;

    public SubmitReportService(ReportLog log, ReportPublisher publisher, Clock clock) {
        this.log = log;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** @param report a normalized report that passed {@code ReportPolicy} */
    @Override
    public Result submit(ReportDraft report) {
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
        if (stored.status() == ReportRecord.Status.PUBLISHED) {
            return new Accepted(report.reportId(), caseId, true);
        }
        try {
            publisher.publish(eventOf(report, stored));
        } catch (ReportPublisher.PublishFailedException e) {
            return new Unavailable(report.reportId(), "the broker did not confirm the report");
        }
        try {
            log.markPublished(report.reportId());
        } catch (ReportLog.StoreUnavailableException e) {
            // the report is durable on the topic; a retry re-publishes the identical event, which consumers drop
        }
        return new Accepted(report.reportId(), caseId, duplicate);
    }

    static ReportSubmitted eventOf(ReportDraft report, ReportRecord record) {
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
                report.location(),
                report.child(),
                report.reporter(),
                report.narrative());
    }
}
