package vn.childprotection.platform.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Messages on {@link Topics#CASE_EVENTS}: every state change of a case; written by referral-service only.
 * They hold no names, phone numbers or narratives: notification and reporting need none.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "eventType")
@JsonSubTypes({
        @JsonSubTypes.Type(value = CaseOpened.class, name = CaseOpened.TYPE),
        @JsonSubTypes.Type(value = ReferralIssued.class, name = ReferralIssued.TYPE),
        @JsonSubTypes.Type(value = EscalationRaised.class, name = EscalationRaised.TYPE),
        @JsonSubTypes.Type(value = ReferralStatusChanged.class, name = ReferralStatusChanged.TYPE),
        @JsonSubTypes.Type(value = ReferralOverdue.class, name = ReferralOverdue.TYPE),
        @JsonSubTypes.Type(value = CaseStatusChanged.class, name = CaseStatusChanged.TYPE),
        @JsonSubTypes.Type(value = PersonalDataErased.class, name = PersonalDataErased.TYPE)
})
public sealed interface CaseEvent extends Event
        permits CaseOpened, ReferralIssued, EscalationRaised, ReferralStatusChanged, ReferralOverdue,
        CaseStatusChanged, PersonalDataErased {
}
