package vn.childprotection.platform.intake.adapter.in.web;

import java.util.UUID;

/** A known reportId sent with other content: answered 409. */
final class ReportConflictException extends RuntimeException {

    private final UUID reportId;

    ReportConflictException(UUID reportId) {
        super("report id reused", null, false, false);
        this.reportId = reportId;
    }

    UUID reportId() {
        return reportId;
    }
}
