package vn.childprotection.platform.notification.application;

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
 * Both publications go through an outbox flag in the notification's own document: set with the final status, cleared
 * after the broker acknowledged; a crash or broker outage in between is repeated by {@link #announceFinals} with the
 * same deterministic event id. Also the operator's retry of a FAILED notification ({@link RetryNotificationUseCase}).
 */
public final class NotificationDispatcher implements RetryNotificationUseCase {

    /** Reason code when the channel adapter threw instead of answering with an outcome. */
    public static final String CHANNEL_ERROR = "CHANNEL_ERROR";

    /**
     * @param lease    how long a claimed notification is reserved for its dispatcher (longer than the slowest
     *                 delivery with all its retries)
     * @param deferral how long a deferred or transiently failed notification waits before it is offered again
     */
    public record Settings(Duration lease, Duration deferral) {
        public Settings {
            Objects.requireNonNull(lease, "lease");
            Objects.requireNonNull(deferral, "deferral");
        }
    }

    private static final System.Logger log = System.getLogger(NotificationDispatcher.class.getName());

    private final NotificationRepository repository;
    private final NotificationChannels channels;
    private final NotificationEventPublisher events;
    private final InformantContacts informants;
    private final NotificationMetrics metrics;
    private final Clock clock;
    private final Settings settings;

    public NotificationDispatcher(NotificationRepository repository, NotificationChannels channels,
                                  NotificationEventPublisher events, InformantContacts informants,
                                  NotificationMetrics metrics, Clock clock, Settings settings) {
        this.repository = repository;
        this.channels = channels;
        this.events = events;
        this.informants = informants;
        this.metrics = metrics;
        this.clock = clock;
        this.settings = settings;
    }

    /** Claims the next PENDING notification that is due, if any. */
    public Optional<Notification> claimNext() {
        Instant now = clock.instant();
        return repository.claimNextPending(now, now.plus(settings.lease()));
    }

    /** Delivers a claimed notification through its channel and stores the outcome. */
    public Notification deliver(Notification claimed) {
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
                if (after.status() == NotificationStatus.PENDING) {
                    repository.reschedule(after, now.plus(settings.deferral()));
                } else {
                    repository.update(after);
                }
                if (after.status() != NotificationStatus.PENDING || after.attempts() != claimed.attempts()) {
                    metrics.recorded(after);
                }
                if (after.status().isFinal()) {
                    announce(after);
                }
                yield after;
            }
            case StatusChange.Refused refused -> refused.current();
        };
    }

    /**
     * Publishes the final statuses whose publication is outstanding: notifications delivered by being recorded, and
     * those whose publication met a broker outage or a crash.
     * @return how many were published
     */
    public int announceFinals(int limit) {
        int published = 0;
        for (Notification failed : repository.unannounced(limit)) {
            if (!announce(failed)) {
                break;
            }
            published++;
        }
        return published;
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

    private boolean announce(Notification done) {
        try {
            if (done.status() == NotificationStatus.DELIVERED && done.role() == RecipientRole.INFORMANT) {
                // before the flag is cleared, so that an erasure the store missed is repeated with the publication
                informants.erase(done.caseId());
            }
            events.publish(done);
            repository.markAnnounced(done.notificationId());
            return true;
        } catch (RuntimeException brokerDown) {
            log.log(System.Logger.Level.WARNING, "{0} of notification {1} not yet published: {2}",
                    done.status(), done.notificationId(), brokerDown.getClass().getSimpleName());
            return false;
        }
    }
}
