package vn.childprotection.platform.notification.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import vn.childprotection.platform.notification.domain.DeliveryChannel;
import vn.childprotection.platform.notification.domain.Notification;
import vn.childprotection.platform.contracts.NotificationKind;
import vn.childprotection.platform.notification.domain.NotificationStatus;
import vn.childprotection.platform.notification.domain.RecipientRole;

import java.time.Instant;

@Schema(name = "Notification", description = "A notification to an agency recipient, the coordinator or the informant "
        + "(codes and ids only; an informant's contact is never shown)")
public record NotificationResponse(
        @Schema(example = "5b1d7a52-3f0e-3a41-9d7e-0c2b3e0f4a11") String notificationId,
        String caseId,
        String referralId,
        NotificationKind kind,
        DeliveryChannel channel,
        @Schema(description = "role address of the recipient; absent when the directory names none, and always for "
                + "the informant (personal data)", example = "focal-point@police.local") String recipient,
        @Schema(example = "FOCAL_POINT") RecipientRole recipientRole,
        @Schema(example = "POLICE") String agency,
        @Schema(example = "11") String areaCode,
        NotificationStatus status,
        int attempts,
        @Schema(description = "code of the last failed attempt", example = "NO_FOCAL_POINT") String lastError,
        Instant createdAt) {

    static NotificationResponse of(Notification n) {
        return new NotificationResponse(n.notificationId(), n.caseId(), n.referralId(), n.kind(), n.channel(),
                n.role() == RecipientRole.INFORMANT ? null : n.recipient(), n.role(), n.agency(), n.areaCode(), n.status(), n.attempts(), n.lastError(), n.createdAt());
    }
}
