package vn.childprotection.platform.intake.application.port.out;

import vn.childprotection.platform.contracts.ReportSubmitted;

/**
 * Puts a report on {@code intake.reports.v1} (an EMERGENCY one on {@code intake.reports.urgent.v1}) and returns only
 * once the broker has it (acks=all).
 */
public interface ReportPublisher {

    /** @throws PublishFailedException when the broker did not confirm within the configured time */
    void publish(ReportSubmitted event);

    final class PublishFailedException extends RuntimeException {
        public PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
