package vn.childprotection.platform.notification.application.port.in;

import vn.childprotection.platform.contracts.IntakeEvent;
import vn.childprotection.platform.notification.domain.Notification;

/**
 * Keeps, from an intake report, only what the outcome feedback needs (S0 Art 7.2): the phone and channel of an
 * informant who asked for feedback and is not anonymous; for any other report a marker without contact. When the
 * case's completion arrived first, the outcome notification is recorded now.
 */
public interface RecordInformantContactUseCase {

    Result handle(IntakeEvent event);

    sealed interface Result {
    }

    /** The contact is kept until the outcome is delivered. */
    record ContactKept(String caseId) implements Result {
    }

    /** Nothing personal kept: the informant wants no feedback, is anonymous or gave no phone. */
    record NoFeedback(String caseId) implements Result {
    }

    /** The case had completed already: the outcome notification was recorded (PENDING for the dispatcher). */
    record OutcomeRecorded(Notification notification) implements Result {
    }

    /** Seen before, or the informant was told already: nothing changed. */
    record Unchanged(String caseId) implements Result {
    }
}
