package vn.childprotection.platform.notification.application.port.in;

import vn.childprotection.platform.notification.domain.Notification;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Delivery of the stored PENDING notifications and publication of their final statuses, driven by a scheduler (S0
 * Art 7.2: the agency is told; the Kafka consumer only records).
 */
public interface DeliverNotificationsUseCase {

    /** Claims the next PENDING notification that is due, if any, under a lease. */
    Optional<Claim> claimNext();

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
