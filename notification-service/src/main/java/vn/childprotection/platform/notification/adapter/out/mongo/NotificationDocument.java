package vn.childprotection.platform.notification.adapter.out.mongo;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.childprotection.platform.notification.domain.DeliveryChannel;
import vn.childprotection.platform.notification.domain.Notification;
import vn.childprotection.platform.contracts.NotificationKind;
import vn.childprotection.platform.notification.domain.NotificationDetails;
import vn.childprotection.platform.notification.domain.NotificationStatus;
import vn.childprotection.platform.notification.domain.RecipientRole;

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
        String sourceEventId,
        Instant leaseUntil,
        boolean announcePending,
        RecipientRole role,
        NotificationDetails details,
        String province) {

    public static final String COLLECTION = "notifications";

    /**
     * As stored after a write that frees the delivery lease: a PENDING one is due at once ({@code leaseUntil} = its
     * last change), a final one has no lease and waits (outbox flag {@code announcePending}) to be published on
     * {@code notifications.delivered.v1} or {@code notifications.failed.v1}.
     */
    static NotificationDocument of(Notification n) {
        return of(n, n.status() == NotificationStatus.PENDING ? n.updatedAt() : null);
    }

    /** As stored, due for (another) delivery from {@code leaseUntil} on when it is PENDING. */
    static NotificationDocument of(Notification n, Instant leaseUntil) {
        return new NotificationDocument(n.notificationId(), n.caseId(), n.referralId(), n.kind(), n.agency(),
                n.areaCode(), n.channel(), n.recipient(), n.status(), n.attempts(), n.lastError(), n.createdAt(),
                n.updatedAt(), n.sourceEventId(), leaseUntil, n.status().isFinal(), n.role(), n.details(),
                n.province());
    }

    Notification toDomain() {
        return new Notification(notificationId, caseId, referralId, kind, agency, areaCode, channel, recipient, status,
                attempts, lastError, createdAt, updatedAt, sourceEventId, role, details, province);
    }
}
