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

import vn.childprotection.platform.notification.domain.Recipient;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One notification per {@link ReferralIssued} for the agency's focal point (S0 Art 7.2: each agency is told what is
 * referred to it; S0 Art 8.4: the standing agency is told of every routed case, which referral-service expresses as
 * an INFORMED referral). {@link CaseOpened} asks for none.
 * <p>
 * One notification per recipient of the agency (the focal point first, then the agency's further recipients), so that
 * each is delivered, fails and is retried on its own: one failing agency endpoint never holds up another.
 * <p>
 * Idempotent by the deterministic notification id: the notification is stored PENDING first (the insert is the
 * de-duplication check). A RECORDED one is delivered by being stored; an outbound one (webhook, e-mail, SMS) is left
 * PENDING for the {@link NotificationDispatcher}, so the consumer only records. A redelivered event finds them and
 * changes nothing.
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
        List<Recipient> recipients = directory.recipientsFor(referral.agency(), referral.areaCode());
        if (recipients.isEmpty()) {
            return recordUnreachable(referral);
        }
        List<Notification> recorded = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            Notification wanted = Notification.ofReferral(referral, recipients.get(i), i == 0, clock.instant());
            recordOne(wanted).ifPresent(recorded::add);
        }
        return recorded.isEmpty()
                ? new AlreadyRecorded(NotificationIds.forReferral(referral.referralId()))
                : new Recorded(recorded);
    }

    /**
     * Stores one recipient's notification unless it is there already. A RECORDED one is delivered by being stored;
     * every outbound one stays PENDING for the dispatcher, so the consumer never waits on an agency's endpoint.
     * @return the notification when this call changed it
     */
    private Optional<Notification> recordOne(Notification wanted) {
        Optional<Notification> existing = repository.findById(wanted.notificationId());
        if (existing.isPresent()) {
            Notification stored = existing.get();
            // left PENDING by an earlier attempt that stopped between storing and recording: finish it
            return stored.status() == NotificationStatus.PENDING && !stored.channel().isOutbound()
                    ? deliverRecorded(stored)
                    : Optional.empty();
        }
        if (!repository.insertIfAbsent(wanted)) {
            return Optional.empty();
        }
        metrics.recorded(wanted);
        return wanted.channel().isOutbound() ? Optional.of(wanted) : deliverRecorded(wanted);
    }

    private Outcome recordUnreachable(ReferralIssued referral) {
        Notification unreachable = Notification.ofUnreachableReferral(referral, clock.instant());
        if (!repository.insertIfAbsent(unreachable)) {
            return new AlreadyRecorded(unreachable.notificationId());
        }
        metrics.recorded(unreachable);
        return new Recorded(List.of(unreachable));
    }

    private Optional<Notification> deliverRecorded(Notification notification) {
        DeliveryOutcome outcome = channels.forType(notification.channel())
                .map(channel -> channel.deliver(notification))
                .orElseGet(() -> DeliveryOutcome.failedPermanently(CHANNEL_UNAVAILABLE));
        return switch (notification.afterAttempt(outcome, clock.instant())) {
            case StatusChange.Changed changed -> {
                repository.update(changed.notification());
                metrics.recorded(changed.notification());
                yield Optional.of(changed.notification());
            }
            case StatusChange.Refused refused -> Optional.empty();
        };
    }
}
