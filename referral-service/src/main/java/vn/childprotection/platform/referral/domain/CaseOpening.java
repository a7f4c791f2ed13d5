package vn.childprotection.platform.referral.domain;

import java.util.List;

/** The outcome of opening a case from a report: the case, or why the report cannot be a case (a value). */
public sealed interface CaseOpening {

    record Opened(Case opened) implements CaseOpening {
    }

    /**
     * The report breaks the intake contract. The reasons name fields, never their values (they may be personal).
     */
    record Rejected(String caseId, List<String> reasons) implements CaseOpening {
        public Rejected {
            reasons = List.copyOf(reasons);
        }
    }
}
