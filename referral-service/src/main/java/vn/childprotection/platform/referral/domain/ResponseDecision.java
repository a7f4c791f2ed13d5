package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.contracts.CaseStatus;
import vn.childprotection.platform.contracts.ReferralStatus;

import java.util.List;

/** What applying an agency response to a case decided: applied, a duplicate, or refused (a value, not an exception). */
public sealed interface ResponseDecision {

    /**
     * The response changed the case; {@code updated} holds the new state and the messages to publish.
     *
     * @param issued referrals issued because of it (the forward target, or the standing agency's triage referral)
     */
    record Applied(Case updated, Referral referral, ReferralStatus from, ReferralStatus to, List<Referral> issued,
                   CaseStatus caseFrom, CaseStatus caseTo) implements ResponseDecision {
        public Applied {
            issued = List.copyOf(issued);
        }
    }

    /** The same responseId was applied before: nothing changes (idempotent redelivery). */
    record Duplicate(String caseId, String referralId, String responseId) implements ResponseDecision {
    }

    /** Refused; nothing changes. {@code detail} names ids, statuses and codes only. */
    record Rejected(ResponseRejection rejection, String detail) implements ResponseDecision {
        public String code() {
            return rejection.code();
        }
    }
}
