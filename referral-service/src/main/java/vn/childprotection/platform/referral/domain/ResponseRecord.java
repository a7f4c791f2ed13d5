package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.contracts.ReasonCode;
import vn.childprotection.platform.contracts.ReferralOutcome;
import vn.childprotection.platform.contracts.ReferralStatus;
import vn.childprotection.platform.contracts.ResponseAction;

import java.time.Instant;

/**
 * One agency response applied to a referral (S0 Art 7.2). {@code reason} and {@code note} are the agency's own
 * wording: they stay in the case store (they may name people) and never go on case events, which carry
 * {@code reasonCode} and {@code outcome} only.
 *
 * @param respondedAt when the agency says it acted
 * @param appliedAt   when the platform applied the response
 */
public record ResponseRecord(String responseId, ResponseAction action, ReferralStatus from, ReferralStatus to,
                             String reason, ReasonCode reasonCode, String note, String forwardTo,
                             ReferralOutcome outcome, String unitId, Instant respondedAt, Instant appliedAt) {
}
