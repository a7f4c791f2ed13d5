package vn.childprotection.platform.notification.application.port.in;

import vn.childprotection.platform.notification.domain.Notification;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Delivery of the stored PENDING notifications and publication of their final statuses, driven by a scheduler (S0
 * Art 7.2: the agency is told; the Kafka consumer only records).
 */
public interface DeliverNotificationsUseCase {

    /**
     * Claims this notification under a lease if it is an outbound PENDING one whose lease is free (by its id, no
     * scan). @return empty when it is delivered, failed, deferred, or another worker or instance claimed it
     */
    Optional<Claim> claim(String notificationId);

    /** Ids of the outbound PENDING notifications due now, longest due first (the poll's one scan). */
    List<String> dueIds(int limit);

    /**
     * Publishes one final status just stored with its outbox flag (handed off by the consumer) and clears the flag,
     * unless another thread of this process is announcing it now or published it already (then only clears it).
     * @return whether it is settled (published and marked, marked, or left to the thread announcing it)
     */
    boolean announce(Notification finalNotification);

    /** Delivers a claimed notification through its channel and stores the outcome. @return the notification after */
    Notification deliver(Claim claim);

    /**
     * Publishes the final statuses whose publication is outstanding (the outbox relay).
     * @return how many were settled (published and marked, or marked after an earlier publication of this process)
     */
    int announceFinals(int limit);

    /**
     * A claimed notification and the end of its lease: until then no other dispatcher claims it, so the outcome of a
     * delivery must be stored before then (with a margin), or the notification is delivered a second time.
     */
    record Claim(Notification notification, Instant leaseUntil) {
        public Claim {
            Objects.requireNonNull(notification, "notification");
            Objects.requireNonNull(leaseUntil, "leaseUntil");
        }
    }
}
