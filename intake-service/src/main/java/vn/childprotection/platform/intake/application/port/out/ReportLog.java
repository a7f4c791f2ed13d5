package vn.childprotection.platform.intake.application.port.out;

import vn.childprotection.platform.intake.domain.ReportRecord;

import java.util.UUID;

/** Intake's memory of the reports it took: id, fingerprint, case, status. Never the report's content. */
public interface ReportLog {

    /**
     * Records the report as PENDING unless its id is known already.
     *
     * @return the record now stored under that id: {@code candidate} itself, or the one stored before
     * @throws StoreUnavailableException when the store cannot be reached
     */
    Stored recordIfAbsent(ReportRecord candidate);

    /** @param existed true when a record with that id was there before (the candidate was not stored) */
    record Stored(ReportRecord record, boolean existed) {
    }

    /** @throws StoreUnavailableException when the store cannot be reached */
    void markPublished(UUID reportId);

    final class StoreUnavailableException extends RuntimeException {
        public StoreUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
