package vn.childprotection.platform.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Messages on {@link Topics#INTAKE_REPORTS} and {@link Topics#INTAKE_REPORTS_URGENT}; written by intake-service only. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "eventType")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ReportSubmitted.class, name = ReportSubmitted.TYPE)
})
public sealed interface IntakeEvent extends Event permits ReportSubmitted {
}
