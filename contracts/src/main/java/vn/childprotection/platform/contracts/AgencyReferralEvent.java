package vn.childprotection.platform.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Messages on an agency's own topic {@code referrals.<agency>.v1}; written by referral-service only. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "eventType")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AgencyReferral.class, name = AgencyReferral.TYPE)
})
public sealed interface AgencyReferralEvent extends Event permits AgencyReferral {
}
