package vn.childprotection.platform.notification.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import vn.childprotection.platform.notification.domain.DeliveryChannel;
import vn.childprotection.platform.notification.domain.Notification;
import vn.childprotection.platform.notification.domain.NotificationKind;
import vn.childprotection.platform.notification.domain.NotificationStatus;

import java.time.Instant;

@Schema(name = "Notification", description = "A notification to an agency focal point (codes and ids only)")
public record NotificationResponse(
        @Schema(example = "5b1d7a52-3f0e-3a41-9d7e-0c2b3e0f4a11") String notificationId,
        String caseId,
        String referralId,
        NotificationKind kind,
        DeliveryChannel channel,
        @Schema(description = "role address of the focal point; absent when the directory names none",
                example = "focal-point@police.local") String recipient,
        @Schema(example = "POLICE") String agency,
        @Schema(example = "11") String areaCode,
        NotificationStatus status,
        int attempts,
        @Schema(description = "code of the last failed attempt", example = "NO_FOCAL_POINT") String lastError,
        Instant createdAt) {

    static NotificationResponse of(Notification n) {
        return new NotificationResponse(n.notificationId(), n.caseId(), n.referralId(), n.kind(), n.channel(),
                n.recipient(), n.agency(), n.areaCode(), n.status(), n.attempts(), n.lastError(), n.createdAt());
    }
}
