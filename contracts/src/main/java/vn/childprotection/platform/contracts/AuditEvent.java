package vn.childprotection.platform.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The audit trail's messages on {@link Topics#AUDIT_EVENTS}: every service writes its own chain of
 * {@link AuditRecorded}, keyed by its producer id. Ids, codes and roles only: never personal data.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "eventType")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AuditRecorded.class, name = AuditRecorded.TYPE)
})
public sealed interface AuditEvent extends Event permits AuditRecorded {
}
