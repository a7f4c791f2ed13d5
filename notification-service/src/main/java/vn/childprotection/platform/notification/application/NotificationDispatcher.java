package vn.childprotection.platform.notification.application;

import vn.childprotection.platform.notification.application.port.in.DeliverNotificationsUseCase;
import vn.childprotection.platform.notification.application.port.in.RetryNotificationUseCase;
import vn.childprotection.platform.notification.application.port.out.InformantContacts;
import vn.childprotection.platform.notification.application.port.out.NotificationEventPublisher;
import vn.childprotection.platform.notification.application.port.out.NotificationMetrics;
import vn.childprotection.platform.notification.application.port.out.NotificationRepository;
import vn.childprotection.platform.notification.domain.DeliveryOutcome;
import vn.childprotection.platform.notification.domain.Notification;
import vn.childprotection.platform.notification.domain.NotificationStatus;
import vn.childprotection.platform.notification.domain.RecipientRole;
import vn.childprotection.platform.notification.domain.StatusChange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Delivers the stored PENDING notifications, away from the Kafka consumer (S0 Art 7.2: the agency is told; the
 * consumer only records). A dispatcher claims one notification at a time under a lease, hands it to its channel
 * (which retries with back-off behind a circuit breaker per endpoint) and stores the outcome:
 * <ul>
 *     <li>delivered → DELIVERED; never offered again (exactly one delivery from the system's point of view — the
 *     rare resend after a crash mid-call carries the same notification id as idempotency key, Message-ID or
 *     reference, so the receiver recognises it); published as {@code NotificationDelivered.v1}; an informant's
 *     contact is erased (data minimisation, S0 Art 7.2);</li>
 *     <li>failed after the channel's last retry → FAILED with the reason code, then published as
 *     {@code NotificationFailed.v1} on {@code notifications.failed.v1};</li>
 *     <li>deferred (circuit open, rate used up) or failed transiently → still PENDING, offered again after a pause.</li>
 * </ul>
 * The outcome of a delivery is stored with retries ({@link StoreRetry}) for as long as the claim's lease leaves room:
 * a store outage shorter than the lease never makes the recipient receive the notification twice.
 * Both publications go through an outbox flag in the notification's own document: set with the final status, cleared
 * after the broker acknowledged; a crash or broker outage in between is repeated by {@link #announceFinals} with the
 * same deterministic event id; a final status stored by the consumer is published by {@link #announce} (handed
 * off) or else by the relay. Claims are by id ({@link #claim}: the hand-off's, and the poll's after {@link #dueIds}),
 * so that delivering needs no scan of the store. What this process published already is never published again by it
 * ({@link PublishedAnnouncements}): when the store was away for clearing the flag, the relay only clears it later.
 * Also the operator's retry of a FAILED notification ({@link RetryNotificationUseCase}).
 */
public final class NotificationDispatcher implements DeliverNotificationsUseCase, RetryNotificationUseCase {

    /** Reason code when the channel adapter threw instead of answering with an outcome. */
    public static final String CHANNEL_ERROR = "CHANNEL_ERROR";

    /** Announcements remembered as published (about 100 bytes each): far more than a relay batch or a burst. */
    static final int PUBLISHED_CAPACITY = 10_000;

    /**
     * @param lease      how long a claimed notification is reserved for its dispatcher (longer than the slowest
     *                   delivery with all its retries)
     * @param deferral   how long a deferred or transiently failed notification waits before it is offered again
     * @param storeRetry how the outcome of a delivery is stored when the store fails (within the lease)
     */
    public record Settings(Duration lease, Duration deferral, StoreRetry.Policy storeRetry) {
        public Settings {
            Objects.requireNonNull(lease, "lease");
            Objects.requireNonNull(deferral, "deferral");
            Objects.requireNonNull(storeRetry, "storeRetry");
        }

        public Settings(Duration lease, Duration deferral) {
            this(lease, deferral, StoreRetry.Policy.DEFAULT);
        }
    }

    /** How an announcement went. */
    private enum Announced { DONE, BUSY, NOT_PUBLISHED, MARK_DEFERRED }

    private static final System.Logger log = System.getLogger(NotificationDispatcher.class.getName());

    private final NotificationRepository repository;
    private final NotificationChannels channels;
    private final NotificationEventPublisher events;
    private final InformantContacts informants;
    private final NotificationMetrics metrics;
    private final Clock clock;
    private final Settings settings;
    private final StoreRetry storeRetry;
    private final PublishedAnnouncements announcements = new PublishedAnnouncements(PUBLISHED_CAPACITY);

    public NotificationDispatcher(NotificationRepository repository, NotificationChannels channels,
                                  NotificationEventPublisher events, InformantContacts informants,
                                  NotificationMetrics metrics, Clock clock, Settings settings) {
        this(repository, channels, events, informants, metrics, clock, settings, StoreRetry.Sleeper.THREAD);
    }

    public NotificationDispatcher(NotificationRepository repository, NotificationChannels channels,
                                  NotificationEventPublisher events, InformantContacts informants,
                                  NotificationMetrics metrics, Clock clock, Settings settings,
                                  StoreRetry.Sleeper sleeper) {
        this.repository = repository;
        this.channels = channels;
        this.events = events;
        this.informants = informants;
        this.metrics = metrics;
        this.clock = clock;
        this.settings = settings;
        this.storeRetry = new StoreRetry(settings.storeRetry(), clock, sleeper);
    }

    @Override
    public Optional<Claim> claim(String notificationId) {
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(settings.lease());
        return repository.claimPending(notificationId, now, leaseUntil).map(n -> new Claim(n, leaseUntil));
    }

    @Override
    public List<String> dueIds(int limit) {
        return repository.duePending(clock.instant(), limit);
    }

    @Override
    public boolean announce(Notification finalNotification) {
        if (!finalNotification.status().isFinal()) {
            throw new IllegalArgumentException("only a DELIVERED or FAILED notification is announced");
        }
        Announced result = announceOne(finalNotification);
        return result == Announced.DONE || result == Announced.BUSY;
    }

    /**
     * Delivers a claimed notification through its channel and stores the outcome, retrying the store until the
     * claim's lease (minus a margin) runs out.
     * @throws StoreRetry.GaveUp when the outcome could not be stored in time: the notification is offered again when
     *                           its lease runs out
     */
    @Override
    public Notification deliver(Claim claim) {
        Notification claimed = claim.notification();
        DeliveryOutcome outcome;
        try {
            outcome = channels.forType(claimed.channel())
                    .map(channel -> channel.deliver(claimed))
                    .orElseGet(() -> DeliveryOutcome.failedPermanently(
                            RecordReferralNotificationService.CHANNEL_UNAVAILABLE));
        } catch (RuntimeException unexpected) {
            log.log(System.Logger.Level.WARNING, "channel {0} threw delivering notification {1}: {2}",
                    claimed.channel(), claimed.notificationId(), unexpected.getClass().getSimpleName());
            outcome = new DeliveryOutcome.Failed(CHANNEL_ERROR, true, 1);
        }
        Instant now = clock.instant();
        return switch (claimed.afterAttempt(outcome, now)) {
            case StatusChange.Changed changed -> {
                Notification after = changed.notification();
                // reserved before the outbox flag is stored, so that the relay never publishes it alongside this thread
                PublishedAnnouncements.Announcement announcement = PublishedAnnouncements.Announcement.of(after);
                boolean reserved = after.status().isFinal() && announcements.begin(announcement);
                try {
                    String what = after.status() + " of notification " + after.notificationId();
                    if (after.status() == NotificationStatus.PENDING) {
                        Instant notBefore = now.plus(settings.deferral());
                        storeRetry.run(() -> repository.reschedule(after, notBefore), claim.leaseUntil(), what);
                    } else {
                        storeRetry.run(() -> repository.update(after), claim.leaseUntil(), what);
                    }
                    if (after.status() != NotificationStatus.PENDING || after.attempts() != claimed.attempts()) {
                        metrics.recorded(after);
                    }
                    if (reserved) {
                        publishAndMark(after, announcement);
                    }
                } finally {
                    if (reserved) {
                        announcements.end(announcement);
                    }
                }
                yield after;
            }
            case StatusChange.Refused refused -> refused.current();
        };
    }

    /**
     * Publishes the final statuses whose publication is outstanding: notifications delivered by being recorded, and
     * those whose publication met a broker outage or a crash. One this process published already (the store was
     * away when its flag was to be cleared) is only marked; one another thread is announcing now is left to it.
     * @return how many were settled (published and marked, or marked)
     */
    @Override
    public int announceFinals(int limit) {
        int settled = 0;
        for (Notification done : repository.unannounced(limit)) {
            Announced result = announceOne(done);
            if (result == Announced.DONE) {
                settled++;
            } else if (result != Announced.BUSY) {
                break; // the broker or the store is away: the next round tries again
            }
        }
        return settled;
    }
    @Override
    public Result retry(String notificationId) {
        Optional<Notification> found = repository.findById(notificationId);
        if (found.isEmpty()) {
            return new NotFound(notificationId);
        }
        return switch (found.get().requeued(clock.instant())) {
            case StatusChange.Changed changed -> {
                repository.update(changed.notification());
                metrics.recorded(changed.notification());
                yield new Requeued(notificationId);
            }
            case StatusChange.Refused refused -> Notification.ALREADY_PENDING.equals(refused.reason())
                    ? new AlreadyPending(notificationId)
                    : new Refused(notificationId, refused.reason());
        };
    }

    private Announced announceOne(Notification done) {
        PublishedAnnouncements.Announcement announcement = PublishedAnnouncements.Announcement.of(done);
        if (!announcements.begin(announcement)) {
            return Announced.BUSY;
        }
        try {
            return publishAndMark(done, announcement);
        } finally {
            announcements.end(announcement);
        }
    }

    /** Publishes (unless this process did already) and clears the outbox flag; the caller holds the announcement. */
    private Announced publishAndMark(Notification done, PublishedAnnouncements.Announcement announcement) {
        if (!announcements.wasPublished(announcement)) {
            try {
                if (done.status() == NotificationStatus.DELIVERED && done.role() == RecipientRole.INFORMANT) {
                    // before the flag is cleared, so that an erasure the store missed is repeated with the publication
                    informants.erase(done.caseId());
                }
                events.publish(done);
            } catch (RuntimeException notPublished) {
                log.log(System.Logger.Level.WARNING, "{0} of notification {1} not yet published: {2}",
                        done.status(), done.notificationId(), notPublished.getClass().getSimpleName());
                return Announced.NOT_PUBLISHED;
            }
            announcements.published(announcement);
        }
        try {
            repository.markAnnounced(done.notificationId());
            return Announced.DONE;
        } catch (RuntimeException storeAway) {
            log.log(System.Logger.Level.WARNING, "{0} of notification {1} published; marking it in the store deferred"
                    + " (it is not published again): {2}", done.status(), done.notificationId(),
                    storeAway.getClass().getSimpleName());
            return Announced.MARK_DEFERRED;
        }
    }
}
