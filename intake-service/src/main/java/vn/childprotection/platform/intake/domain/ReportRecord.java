package vn.childprotection.platform.intake.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What intake remembers of a report: its id, the fingerprint of its content, the case it opened, and whether it is
 * on the topic yet. Never the report itself. {@code acceptedAt} is the event's {@code occurredAt}, kept so that a
 * re-publish is byte-identical to the first.
 */
public record ReportRecord(UUID reportId, String fingerprint, String caseId, Status status, Instant acceptedAt) {

    public enum Status { PENDING, PUBLISHED }

    public boolean sameContentAs(String otherFingerprint) {
        return fingerprint.equals(otherFingerprint);
    }

    public ReportRecord published() {
        return new ReportRecord(reportId, fingerprint, caseId, Status.PUBLISHED, acceptedAt);
    }
}
