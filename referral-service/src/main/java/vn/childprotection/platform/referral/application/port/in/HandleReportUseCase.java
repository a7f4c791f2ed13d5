package vn.childprotection.platform.referral.application.port.in;

import vn.childprotection.platform.contracts.CaseStatus;
import vn.childprotection.platform.contracts.ReportSubmitted;

import java.util.List;

/** Makes a report from intake into a case: routed and referred (INTERVENTION) or recorded (COUNSELLING). */
public interface HandleReportUseCase {

    Outcome handle(ReportSubmitted report);

    sealed interface Outcome {
        String caseId();
    }

    /** The case was stored with its outbox; the relay was asked to publish it at once. */
    record Opened(String caseId, CaseStatus status, int referralCount) implements Outcome {
    }

    /** The report was handled before (same case id): nothing changes, nothing is published again. */
    record AlreadyHandled(String caseId) implements Outcome {
    }

    /** The report breaks the intake contract; the reasons name fields only. */
    record Rejected(String caseId, List<String> reasons) implements Outcome {
        public Rejected {
            reasons = List.copyOf(reasons);
        }
    }
}
