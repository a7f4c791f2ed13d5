package vn.childprotection.platform.referral.application.port.in;

import vn.childprotection.platform.access.QueryScope;
import vn.childprotection.platform.referral.domain.PersonalDataErasure;

/**
 * Erasing a case's personal data on a coordinator's request (the reason is the caller's to record in the audit
 * trail before asking).
 */
public interface ErasePersonalDataUseCase {

    /**
     * Erases the personal data of the case if {@code scope} reaches it (checked in the store query and again in the
     * conditional write), and publishes {@code PersonalDataErased}.
     */
    Result eraseOnRequest(String caseId, QueryScope scope);

    sealed interface Result {
        String caseId();
    }

    record Erased(String caseId, PersonalDataErasure erasure) implements Result {
    }

    /** Erased before (on request or by retention): nothing changed. */
    record AlreadyErased(String caseId, PersonalDataErasure erasure) implements Result {
    }

    /** No such case in the scope. */
    record NotFound(String caseId) implements Result {
    }

    /** The case kept changing under the attempts: nothing written, the caller may ask again. */
    record Busy(String caseId) implements Result {
    }
}
