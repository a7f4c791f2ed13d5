package vn.childprotection.platform.notification.application;

import vn.childprotection.platform.contracts.CaseEvent;
import vn.childprotection.platform.contracts.CaseOpened;
import vn.childprotection.platform.contracts.CaseStatusChanged;
import vn.childprotection.platform.contracts.IntakeEvent;
import vn.childprotection.platform.contracts.ReportSubmitted;
import vn.childprotection.platform.notification.application.port.in.RecordInformantContactUseCase;
import vn.childprotection.platform.notification.application.port.in.RecordReferralNotificationUseCase;
import vn.childprotection.platform.notification.application.port.out.CaseProvinces;
import vn.childprotection.platform.notification.application.port.out.DeliveryHandOff;
import vn.childprotection.platform.notification.application.port.out.InformantContacts;
import vn.childprotection.platform.notification.application.port.out.NotificationMetrics;
import vn.childprotection.platform.notification.application.port.out.NotificationRepository;
import vn.childprotection.platform.notification.application.port.out.RecipientDirectory;
import vn.childprotection.platform.notification.domain.DeliveryOutcome;
import vn.childprotection.platform.notification.domain.InformantContact;
import vn.childprotection.platform.notification.domain.Notification;
import vn.childprotection.platform.notification.domain.NotificationRules;
import vn.childprotection.platform.notification.domain.NotificationStatus;
import vn.childprotection.platform.notification.domain.Recipient;
import vn.childprotection.platform.notification.domain.StatusChange;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Records the notifications each case event asks for ({@link NotificationRules}: who gets what) and keeps the
 * informant's contact from the intake report for the outcome feedback ({@link InformantContact}).
 * <ul>
 *     <li>{@code CaseOpened}: no notification; its province is remembered for the coordinator (S0 Art 5.4), and an
 *     informant who wants no feedback is marked so at once;</li>
 *     <li>{@code ReferralIssued} (REFERRAL_ISSUED, or FORWARDED when it replaces another referral),
 *     {@code EscalationRaised} and {@code ReferralOverdue} (OVERDUE_REMINDER, ESCALATION): one notification per
 *     recipient, so that each is delivered, fails and is retried on its own;</li>
 *     <li>{@code CaseStatusChanged} to COMPLETED: OUTCOME_TO_INFORMANT, once the informant's contact is there (it may
 *     arrive later, on {@code intake.reports.v1}), never when no feedback was wanted.</li>
 * </ul>
 * Idempotent by the deterministic notification id: the notification is stored first (the insert is the
 * de-duplication check). A RECORDED one is delivered by being stored; an outbound one (webhook, e-mail, SMS) is left
 * PENDING for the {@link NotificationDispatcher}, so the consumers only record. What is stored is handed to the
 * delivery workers at once ({@link DeliveryHandOff}: an outbound one by id, a final one for its publication), so the
 * hot path needs no scan of the store. A redelivered event changes nothing.
 */
public final class RecordReferralNotificationService
        implements RecordReferralNotificationUseCase, RecordInformantContactUseCase {

    /** Reason code when no adapter serves the recipient's channel. */
    public static final String CHANNEL_UNAVAILABLE = "CHANNEL_UNAVAILABLE";

    private final NotificationRepository repository;
    private final RecipientDirectory directory;
    private final NotificationChannels channels;
    private final NotificationMetrics metrics;
    private final InformantContacts informants;
    private final CaseProvinces provinces;
    private final Clock clock;
    private final DeliveryHandOff handOff;

    public RecordReferralNotificationService(NotificationRepository repository, RecipientDirectory directory,
                                             NotificationChannels channels, NotificationMetrics metrics,
                                             InformantContacts informants, CaseProvinces provinces, Clock clock) {
        this(repository, directory, channels, metrics, informants, provinces, clock, DeliveryHandOff.NONE);
    }

    /** @param handOff takes what this service stored to the delivery workers at once (else the poll finds it) */
    public RecordReferralNotificationService(NotificationRepository repository, RecipientDirectory directory,
                                             NotificationChannels channels, NotificationMetrics metrics,
                                             InformantContacts informants, CaseProvinces provinces, Clock clock,
                                             DeliveryHandOff handOff) {
        this.repository = repository;
        this.directory = directory;
        this.channels = channels;
        this.metrics = metrics;
        this.informants = informants;
        this.provinces = provinces;
        this.clock = clock;
        this.handOff = handOff;
    }

    @Override
    public RecordReferralNotificationUseCase.Outcome handle(CaseEvent event) {
        if (event instanceof CaseOpened opened) {
            remember(opened);
        }
        String province = event instanceof CaseOpened ? null : provinces.provinceOf(event.caseId()).orElse(null);
        return switch (NotificationRules.decide(event, directory, province, clock.instant())) {
            case NotificationRules.Nothing nothing -> new NotApplicable(nothing.eventType());
            case NotificationRules.Notify notify -> recordAll(notify.notifications());
            case NotificationRules.TellInformant tell -> tellInformant(tell.completed());
        };
    }

    @Override
    public Result handle(IntakeEvent event) {
        return switch (event) {
            case ReportSubmitted report -> {
                Recipient contact = InformantContact.contactOf(report.reporter());
                if (contact == null) {
                    informants.declineFeedback(report.caseId());
                    yield new NoFeedback(report.caseId());
                }
                InformantContact state = informants.rememberContact(report.caseId(), contact);
                yield switch (state.next(clock.instant())) {
                    case InformantContact.Send send -> recordOne(send.notification())
                            .<Result>map(OutcomeRecorded::new)
                            .orElseGet(() -> new Unchanged(report.caseId()));
                    case InformantContact.Await await -> new ContactKept(report.caseId());
                    case InformantContact.Skip skip -> new Unchanged(report.caseId());
                };
            }
        };
    }

    private void remember(CaseOpened opened) {
        if (opened.location() != null && opened.location().provinceCode() != null) {
            provinces.remember(opened.caseId(), opened.location().provinceCode());
        }
        if (!opened.informantExpectsFeedback()) {
            // the report's own record follows on intake.reports.v1; the marker already stops a pending outcome
            informants.declineFeedback(opened.caseId());
        }
    }

    private RecordReferralNotificationUseCase.Outcome tellInformant(CaseStatusChanged completed) {
        InformantContact state = informants.awaitOutcome(completed.caseId(),
                new InformantContact.PendingOutcome(completed.eventId(), completed.outcomes()));
        return switch (state.next(clock.instant())) {
            case InformantContact.Send send -> recordAll(List.of(send.notification()));
            case InformantContact.Await await -> new AwaitingInformant(completed.caseId());
            case InformantContact.Skip skip -> new InformantNotTold(completed.caseId(), skip.reason());
        };
    }

    private RecordReferralNotificationUseCase.Outcome recordAll(List<Notification> wanted) {
        List<Notification> recorded = new ArrayList<>();
        for (Notification notification : wanted) {
            recordOne(notification).ifPresent(recorded::add);
        }
        return recorded.isEmpty()
                ? new AlreadyRecorded(wanted.getFirst().notificationId())
                : new Recorded(recorded);
    }

    /**
     * Stores one recipient's notification unless it is there already, and hands what it stored to the delivery
     * workers ({@link DeliveryHandOff}: no scan of the store on the hot path).
     * <ul>
     *     <li>A RECORDED one is delivered by being stored: unless it is there already (one read by id — a redelivery
     *     must not deliver it again), it is stored DELIVERED at once (one write) and handed off for its
     *     publication; one left PENDING by an earlier attempt is finished now.</li>
     *     <li>Every outbound one is stored PENDING and handed off by id, so the consumer never waits on an endpoint;
     *     one without a recipient is stored FAILED and handed off for its publication. The insert is the
     *     de-duplication check: a redelivery reads nothing.</li>
     * </ul>
     * @return the notification when this call changed it
     */
    private Optional<Notification> recordOne(Notification notification) {
        // the informant's outcome is made without the case's province: stamp it, for the coordinators' scope
        Notification wanted = notification.province() != null ? notification
                : notification.inProvince(provinces.provinceOf(notification.caseId()).orElse(null));
        Notification toStore = wanted;
        if (wanted.status() == NotificationStatus.PENDING && !wanted.channel().isOutbound()) {
            Optional<Notification> existing = repository.findById(wanted.notificationId());
            if (existing.isPresent()) {
                return resumed(existing.get());
            }
            toStore = deliveredByRecording(wanted).orElse(wanted);
        }
        if (!repository.insertIfAbsent(toStore)) {
            return Optional.empty();
        }
        metrics.recorded(wanted);
        if (toStore != wanted) {
            metrics.recorded(toStore);
        }
        handOff(toStore);
        return Optional.of(toStore);
    }

    /** A redelivery: a RECORDED one left PENDING by an earlier attempt (or an earlier version) is finished now. */
    private Optional<Notification> resumed(Notification stored) {
        if (stored.status() != NotificationStatus.PENDING || stored.channel().isOutbound()) {
            return Optional.empty();
        }
        Optional<Notification> delivered = deliveredByRecording(stored);
        delivered.ifPresent(after -> {
            repository.update(after);
            metrics.recorded(after);
            handOff(after);
        });
        return delivered;
    }

    private Optional<Notification> deliveredByRecording(Notification notification) {
        DeliveryOutcome outcome = channels.forType(notification.channel())
                .map(channel -> channel.deliver(notification))
                .orElseGet(() -> DeliveryOutcome.failedPermanently(CHANNEL_UNAVAILABLE));
        return switch (notification.afterAttempt(outcome, clock.instant())) {
            case StatusChange.Changed changed -> Optional.of(changed.notification());
            case StatusChange.Refused refused -> Optional.empty();
        };
    }

    /** After the write: an outbound PENDING one to be claimed by id, a final one to be published. */
    private void handOff(Notification stored) {
        if (stored.status().isFinal()) {
            handOff.announce(stored);
        } else if (stored.channel().isOutbound()) {
            handOff.deliver(stored.notificationId());
        }
    }
}
