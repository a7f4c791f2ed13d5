package vn.childprotection.platform.notification.application;

import vn.childprotection.platform.contracts.CaseEvent;
import vn.childprotection.platform.contracts.CaseOpened;
import vn.childprotection.platform.contracts.EscalationRaised;
import vn.childprotection.platform.contracts.ReferralIssued;
import vn.childprotection.platform.notification.application.port.in.RecordReferralNotificationUseCase;
import vn.childprotection.platform.notification.application.port.out.NotificationMetrics;
import vn.childprotection.platform.notification.application.port.out.NotificationRepository;
import vn.childprotection.platform.notification.application.port.out.RecipientDirectory;
import vn.childprotection.platform.notification.domain.DeliveryOutcome;
import vn.childprotection.platform.notification.domain.Notification;
import vn.childprotection.platform.notification.domain.NotificationIds;
import vn.childprotection.platform.notification.domain.NotificationStatus;
import vn.childprotection.platform.notification.domain.StatusChange;

import java.time.Clock;
import java.util.Optional;

/**
 * One notification per {@link ReferralIssued} for the agency's focal point (S0 Art 7.2: each agency is told what is
 * referred to it; S0 Art 8.4: the standing agency is told of every routed case, which referral-service expresses as
 * an INFORMED referral). {@link CaseOpened} asks for none.
 * <p>
 * Idempotent by the deterministic notification id: the notification is stored PENDING first (the insert is the
 * de-duplication check), then delivered, then stored with the outcome. A redelivered event finds it and changes
 * nothing; if an earlier attempt stopped between storing and delivering, the redelivery resumes the delivery.
 */
public final class RecordReferralNotificationService implements RecordReferralNotificationUseCase {

    /** Reason code when no adapter serves the recipient's channel. */
    public static final String CHANNEL_UNAVAILABLE = "CHANNEL_UNAVAILABLE";

    private final NotificationRepository repository;
    private final RecipientDirectory directory;
    private final NotificationChannels channels;
    private final NotificationMetrics metrics;
    private final Clock clock;

    public RecordReferralNotificationService(NotificationRepository repository, RecipientDirectory directory,
                                             NotificationChannels channels, NotificationMetrics metrics, Clock clock) {
        this.repository = repository;
        this.directory = directory;
        this.channels = channels;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Outcome handle(CaseEvent event) {
        return switch (event) {
            case CaseOpened opened -> new NotApplicable(opened.eventType());
            case ReferralIssued referral -> record(referral);
            // a later issue sends ESCALATION notifications to the coordinator (S0 Art 5.4)
            case EscalationRaised escalation -> new NotApplicable(escalation.eventType());
        };
    }

    private Outcome record(ReferralIssued referral) {
        String notificationId = NotificationIds.forReferral(referral.referralId());
        Optional<Notification> existing = repository.findById(notificationId);
        if (existing.isPresent()) {
            Notification stored = existing.get();
            return stored.status() == NotificationStatus.PENDING
                    ? deliver(stored)
                    : new AlreadyRecorded(notificationId);
        }
        Notification notification = directory.focalPointFor(referral.agency(), referral.areaCode())
                .map(recipient -> Notification.ofReferral(referral, recipient, clock.instant()))
                .orElseGet(() -> Notification.ofUnreachableReferral(referral, clock.instant()));
        if (!repository.insertIfAbsent(notification)) {
            return new AlreadyRecorded(notificationId);
        }
        metrics.recorded(notification);
        if (notification.status().isFinal()) {
            return new Recorded(notification);
        }
        return deliver(notification);
    }

    private Outcome deliver(Notification notification) {
        DeliveryOutcome outcome = channels.forType(notification.channel())
                .map(channel -> channel.deliver(notification))
                .orElseGet(() -> DeliveryOutcome.failedPermanently(CHANNEL_UNAVAILABLE));
        return switch (notification.afterAttempt(outcome, clock.instant())) {
            case StatusChange.Changed changed -> {
                repository.update(changed.notification());
                metrics.recorded(changed.notification());
                yield new Recorded(changed.notification());
            }
            case StatusChange.Refused refused -> new AlreadyRecorded(refused.current().notificationId());
        };
    }
}
