package vn.childprotection.platform.notification.application.port.out;

import vn.childprotection.platform.access.QueryScope;
import vn.childprotection.platform.notification.domain.Notification;
import vn.childprotection.platform.notification.domain.NotificationStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where notifications are kept. Ids are deterministic, so an insert doubles as the de-duplication check. */
public interface NotificationRepository {

    Optional<Notification> findById(String notificationId);

    /** Inserts under its id. @return false when a notification with that id exists already (nothing written) */
    boolean insertIfAbsent(Notification notification);

    /** Replaces the stored notification with the same id (and frees its delivery lease). */
    void update(Notification notification);

    /**
     * Claims this PENDING notification if its lease is free ({@code leaseUntil <= now}; a fresh one's lease runs out
     * when it is stored) and it is outbound, leasing it until {@code leaseUntil}: no other dispatcher (thread or
     * instance) claims it before then. One atomic find-and-modify on {@code _id} (plus status and lease), which the
     * store serves by the {@code _id} index, no scan. A dispatcher that dies mid-delivery leaves the lease to run
     * out, and the notification is claimed again: a restart resumes the PENDING ones.
     * @return empty when it is not PENDING, not outbound, or leased (another dispatcher claimed it)
     */
    Optional<Notification> claimPending(String notificationId, Instant now, Instant leaseUntil);

    /**
     * Ids of outbound PENDING notifications whose lease ran out ({@code leaseUntil <= now}), longest ago first — the
     * poll's one scan, for retries, deferrals, crashed deliveries and hand-offs that found the queue full. The ids
     * are then claimed one by one with {@link #claimPending}.
     */
    List<String> duePending(Instant now, int limit);

    /** Stores a still-PENDING notification that is not to be offered again before {@code notBefore}. */
    void reschedule(Notification notification, Instant notBefore);

    /**
     * DELIVERED and FAILED notifications whose final status is not yet published on {@code notifications.delivered.v1}
     * or {@code notifications.failed.v1} (the outbox of this service), oldest first.
     */
    List<Notification> unannounced(int limit);

    /** The final status of this notification was published. */
    void markAnnounced(String notificationId);

    /** The notifications the scope reaches (narrowed in the store query), filtered, oldest first. */
    Page find(QueryScope scope, Query query, PageRequest page);

    /** Filters; {@code null} means "any". */
    record Query(String caseId, String agency, NotificationStatus status) {
    }

    /** Zero-based page. */
    record PageRequest(int page, int size) {
        public PageRequest {
            if (page < 0 || size < 1) {
                throw new IllegalArgumentException("page >= 0 and size >= 1 required");
            }
        }

        public long offset() {
            return (long) page * size;
        }
    }

    record Page(List<Notification> items, int page, int size, long totalElements) {
        public Page {
            items = List.copyOf(items);
        }

        public int totalPages() {
            return size == 0 ? 0 : (int) ((totalElements + size - 1) / size);
        }
    }
}
