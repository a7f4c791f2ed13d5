package vn.childprotection.platform.referral.application.port.out;

import vn.childprotection.platform.contracts.ReasonCode;
import vn.childprotection.platform.contracts.ResponseAction;

import java.time.Instant;

/**
 * Agency responses refused by the domain (impossible transition, wrong agency, unknown referral...), kept for the
 * operators: ids and codes only, never the agency's wording.
 */
public interface RejectedResponseLog {

    /** Records it once per (responseId, referralId): a redelivered rejected response is not recorded twice. */
    void record(RejectedResponse rejected);

    record RejectedResponse(String responseId, String referralId, String caseId, String agency,
                            ResponseAction action, String code, ReasonCode reasonCode, String channel,
                            Instant occurredAt, Instant rejectedAt) {
    }

    RejectedResponseLog NONE = rejected -> {
    };
}
