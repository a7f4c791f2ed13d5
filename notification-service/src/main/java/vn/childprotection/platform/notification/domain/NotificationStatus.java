package vn.childprotection.platform.notification.domain;

import java.util.Set;

/**
 * Lifecycle of a notification: PENDING until a channel has delivered it (DELIVERED) or given up (FAILED).
 * DELIVERED and FAILED are final; a retried attempt that failed transiently stays PENDING.
 */
public enum NotificationStatus {
    PENDING, DELIVERED, FAILED;

    /** The statuses this one may move to. */
    public Set<NotificationStatus> next() {
        return switch (this) {
            case PENDING -> Set.of(PENDING, DELIVERED, FAILED);
            case DELIVERED, FAILED -> Set.of();
        };
    }

    public boolean canMoveTo(NotificationStatus target) {
        return next().contains(target);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }
}
