package vn.childprotection.platform.referral.application.port.out;

import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.Severity;

import java.time.Duration;

/** Operational figures; codes only, never personal data. */
public interface CaseMetrics {

    void caseOpened(ContactType contactType, Severity severity);

    void referralIssued(String agency, ReferralRole role);

    /** A message reached its topic, {@code sinceOpened} after the case was opened. */
    void messagePublished(String eventType, Duration sinceOpened);

    void publishFailed(String eventType);

    void pendingCases(long count);

    /**
     * The relay checked the topics for copies an unfinished earlier attempt may have left ({@code found},
     * {@code none_found}, {@code failed}).
     */
    default void publicationCheck(String outcome) {
    }

    /** A pending message was found already on its topic: marked published, not sent again. */
    default void messageFoundPublished(String eventType) {
    }

    /** An agency response was applied (by action and channel). */
    default void responseApplied(String action, String channel) {
    }

    /** An agency response repeated a responseId already applied: skipped. */
    default void responseDuplicate(String channel) {
    }

    /** An agency response was refused; tagged by the rejection code only. */
    default void responseRejected(String code) {
    }

    /** The watchdog raised a ReferralOverdue (by deadline kind and stage). */
    default void referralOverdue(String deadline, String stage) {
    }

    CaseMetrics NONE = new CaseMetrics() {
        @Override
        public void caseOpened(ContactType contactType, Severity severity) {
        }

        @Override
        public void referralIssued(String agency, ReferralRole role) {
        }

        @Override
        public void messagePublished(String eventType, Duration sinceOpened) {
        }

        @Override
        public void publishFailed(String eventType) {
        }

        @Override
        public void pendingCases(long count) {
        }
    };
}
