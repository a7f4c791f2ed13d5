package vn.childprotection.platform.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Messages written by notification-service: {@link NotificationDelivered} on {@link Topics#NOTIFICATIONS_DELIVERED}
 * and {@link NotificationFailed} on {@link Topics#NOTIFICATIONS_FAILED}. Ids and codes only: never the recipient's
 * address, name or the message text.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "eventType")
@JsonSubTypes({
        @JsonSubTypes.Type(value = NotificationDelivered.class, name = NotificationDelivered.TYPE),
        @JsonSubTypes.Type(value = NotificationFailed.class, name = NotificationFailed.TYPE)
})
public sealed interface NotificationEvent extends Event permits NotificationDelivered, NotificationFailed {
}
