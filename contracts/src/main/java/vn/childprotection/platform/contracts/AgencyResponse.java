package vn.childprotection.platform.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/**
 * An agency's answer to one referral (S0 Art 7.2), on {@code agency.responses.v1} keyed by case id, or posted to
 * {@code POST /api/v1/referrals/{referralId}/responses}.
 *
 * @param responseId the agency's own id for this answer; a second answer with the same id is a duplicate
 * @param agency     the agency code the referral was issued to; an answer for another agency's referral is rejected
 * @param reason     free text, required for DECLINED and FORWARDED; agency wording, kept in the referral store only
 * @param reasonCode optional code for DECLINED and FORWARDED (OTHER when left out); this is what case events carry
 * @param forwardTo  agency code, required for FORWARDED
 * @param outcome    required for COMPLETED
 * @param note       optional agency-internal note; never shown to the informant, never on case events
 * @param unitId     optional: the directory unit answering (for FORWARDED, the target unit may be named instead)
 */
public record AgencyResponse(
        String responseId,
        String referralId,
        String caseId,
        String agency,
        ResponseAction action,
        String reason,
        ReasonCode reasonCode,
        String forwardTo,
        ReferralOutcome outcome,
        String note,
        String unitId,
        Instant occurredAt) implements AgencyResponseEvent {

    public static final String TYPE = "AgencyResponse.v1";

    /** The event id of a response is derived from the agency's {@code responseId}: a redelivery repeats it. */
    @Override
    @JsonIgnore
    public String eventId() {
        return responseId == null ? null : Ids.nameBased(TYPE, responseId);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
