package vn.childprotection.platform.notification.application.port.out;

import vn.childprotection.platform.notification.domain.Notification;

/** Counts notifications by kind, channel and status (codes only, never ids or addresses). */
public interface NotificationMetrics {

    /** The notification was stored with its current status (on creation and on every status change). */
    void recorded(Notification notification);
}
