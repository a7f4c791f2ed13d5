package vn.childprotection.platform.notification.adapter.out.mongo;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.childprotection.platform.notification.domain.DeliveryChannel;
import vn.childprotection.platform.notification.domain.Notification;
import vn.childprotection.platform.notification.domain.NotificationKind;
import vn.childprotection.platform.notification.domain.NotificationStatus;

import java.time.Instant;

/** A notification as stored: database {@code notification}, collection {@code notifications}, {@code _id} = id. */
@Document(collection = NotificationDocument.COLLECTION)
public record NotificationDocument(
        @Id String notificationId,
        String caseId,
        String referralId,
        NotificationKind kind,
        String agency,
        String areaCode,
        DeliveryChannel channel,
        String recipient,
        NotificationStatus status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant updatedAt,
        String sourceEventId) {

    public static final String COLLECTION = "notifications";

    static NotificationDocument of(Notification n) {
        return new NotificationDocument(n.notificationId(), n.caseId(), n.referralId(), n.kind(), n.agency(),
                n.areaCode(), n.channel(), n.recipient(), n.status(), n.attempts(), n.lastError(), n.createdAt(),
                n.updatedAt(), n.sourceEventId());
    }

    Notification toDomain() {
        return new Notification(notificationId, caseId, referralId, kind, agency, areaCode, channel, recipient, status,
                attempts, lastError, createdAt, updatedAt, sourceEventId);
    }
}
