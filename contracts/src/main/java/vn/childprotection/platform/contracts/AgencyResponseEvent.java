package vn.childprotection.platform.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Messages on the answer topics ({@link Topics#agencyResponsesFor}, one per agency and province): the agencies'
 * answers to their referrals, written by the agencies' systems (or, for agencies without Kafka, taken over HTTP by
 * referral-service, which applies them directly).
 * {@code eventType} may be left out by an agency: the message is then an {@link AgencyResponse}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "eventType",
        defaultImpl = AgencyResponse.class)
@JsonSubTypes({
        @JsonSubTypes.Type(value = AgencyResponse.class, name = AgencyResponse.TYPE)
})
public sealed interface AgencyResponseEvent extends Event permits AgencyResponse {
}
