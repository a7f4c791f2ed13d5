package vn.childprotection.platform.notification.application;

import vn.childprotection.platform.notification.application.port.in.RetryNotificationUseCase;
import vn.childprotection.platform.notification.application.port.out.FailedNotificationPublisher;
import vn.childprotection.platform.notification.application.port.out.NotificationMetrics;
import vn.childprotection.platform.notification.application.port.out.NotificationRepository;
import vn.childprotection.platform.notification.domain.DeliveryOutcome;
import vn.childprotection.platform.notification.domain.Notification;
import vn.childprotection.platform.notification.domain.NotificationStatus;
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
 *     reference, so the receiver recognises it);</li>
 *     <li>failed after the channel's last retry → FAILED with the reason code, then published on the dead-letter
 *     topic (through an outbox flag in the same document: a failed publish is repeated by {@link #announceFailures});</li>
 *     <li>deferred (circuit open, rate used up) or failed transiently → still PENDING, offered again after a pause.</li>
 * </ul>
 * Also the operator's retry of a FAILED notification ({@link RetryNotificationUseCase}).
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
    private final FailedNotificationPublisher deadLetters;
    private final NotificationMetrics metrics;
    private final Clock clock;
    private final Settings settings;

    public NotificationDispatcher(NotificationRepository repository, NotificationChannels channels,
                                  FailedNotificationPublisher deadLetters, NotificationMetrics metrics, Clock clock,
                                  Settings settings) {
        this.repository = repository;
        this.channels = channels;
        this.deadLetters = deadLetters;
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
                if (after.status() == NotificationStatus.FAILED) {
                    announce(after);
                }
                yield after;
            }
            case StatusChange.Refused refused -> refused.current();
        };
    }

    /**
     * Publishes the FAILED notifications whose publication is outstanding (a broker outage at the time).
     * @return how many were published
     */
    public int announceFailures(int limit) {
        int published = 0;
        for (Notification failed : repository.unannouncedFailures(limit)) {
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

    private boolean announce(Notification failed) {
        try {
            deadLetters.publish(failed);
            repository.markAnnounced(failed.notificationId());
            return true;
        } catch (RuntimeException brokerDown) {
            log.log(System.Logger.Level.WARNING, "failure of notification {0} not yet published: {1}",
                    failed.notificationId(), brokerDown.getClass().getSimpleName());
            return false;
        }
    }
}
