package vn.childprotection.platform.notification.application;

import vn.childprotection.platform.notification.domain.Notification;
import vn.childprotection.platform.notification.domain.NotificationStatus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this process knows about the publication of final statuses, so that it never publishes one twice:
 * <ul>
 *     <li><b>in flight</b>: announcements a thread of this process is making now (a delivery worker that just stored
 *     a final status, or the relay); another thread that finds the same one in the outbox leaves it alone;</li>
 *     <li><b>published</b>: announcements the broker acknowledged (bounded, oldest forgotten first). Their outbox
 *     flag may still be set — the store was away when it was to be cleared, or a relay read it just before it was
 *     cleared — and the relay then only clears it.</li>
 * </ul>
 * An announcement is one event: a notification id with its final status and, for FAILED, its attempts (the event id
 * of {@code NotificationFailed.v1} includes them: a re-send that fails again is a new failure). Kept in memory only:
 * after a restart an announcement whose flag was not cleared is published again with the same event id, which the
 * consumers de-duplicate.
 */
final class PublishedAnnouncements {

    /** One publication: what the event id is derived from. */
    record Announcement(String notificationId, NotificationStatus status, int attempts) {
        static Announcement of(Notification n) {
            return new Announcement(n.notificationId(), n.status(),
                    n.status() == NotificationStatus.FAILED ? n.attempts() : 0);
        }
    }

    private final Set<Announcement> inFlight = ConcurrentHashMap.newKeySet();
    private final Map<Announcement, Boolean> published;

    PublishedAnnouncements(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity >= 1");
        }
        this.published = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Announcement, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** @return false when another thread of this process is announcing it now */
    boolean begin(Announcement a) {
        return inFlight.add(a);
    }

    void end(Announcement a) {
        inFlight.remove(a);
    }

    synchronized void published(Announcement a) {
        published.put(a, Boolean.TRUE);
    }

    synchronized boolean wasPublished(Announcement a) {
        return published.containsKey(a);
    }

    synchronized int size() {
        return published.size();
    }
}
