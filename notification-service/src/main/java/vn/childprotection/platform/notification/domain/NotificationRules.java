package vn.childprotection.platform.notification.domain;

import vn.childprotection.platform.contracts.Agencies;
import vn.childprotection.platform.contracts.CaseEvent;
import vn.childprotection.platform.contracts.CaseOpened;
import vn.childprotection.platform.contracts.CaseStatus;
import vn.childprotection.platform.contracts.CaseStatusChanged;
import vn.childprotection.platform.contracts.EscalationRaised;
import vn.childprotection.platform.contracts.NotificationKind;
import vn.childprotection.platform.contracts.PersonalDataErased;
import vn.childprotection.platform.contracts.ReferralIssued;
import vn.childprotection.platform.contracts.ReferralOverdue;
import vn.childprotection.platform.contracts.ReferralStatusChanged;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Who gets what: the notifications a case event asks for, to whom, through which channel (plain Java, no I/O).
 * <table>
 *     <caption>case event → notifications</caption>
 *     <tr><th>event</th><th>kind</th><th>recipients</th><th>clause</th></tr>
 *     <tr><td>ReferralIssued (routed)</td><td>REFERRAL_ISSUED</td><td>the unit's focal point, then the agency's
 *     further recipients (its system by webhook, duty mailbox or phone)</td><td>S0 Art 7.2, 8.4, 9.5</td></tr>
 *     <tr><td>ReferralIssued with {@code forwardedFrom} (forwarded, or sent back for triage after a decline)</td>
 *     <td>FORWARDED</td><td>the new agency's focal point and further recipients, and the province's
 *     coordinator</td><td>S0 Art 7.2, 5.4</td></tr>
 *     <tr><td>EscalationRaised (HIGH/EMERGENCY case opened)</td><td>ESCALATION</td><td>the province's
 *     coordinator</td><td>S0 Art 5.4</td></tr>
 *     <tr><td>ReferralOverdue REMINDER</td><td>OVERDUE_REMINDER</td><td>the unit's focal point</td>
 *     <td>S0 Art 7.2 (policy default deadlines)</td></tr>
 *     <tr><td>ReferralOverdue ESCALATED</td><td>ESCALATION</td><td>the unit's focal point, the agency's backup focal
 *     point and the province's coordinator</td><td>S0 Art 5.4</td></tr>
 *     <tr><td>CaseStatusChanged to COMPLETED</td><td>OUTCOME_TO_INFORMANT</td><td>the informant, only if they asked
 *     for feedback and were not anonymous ({@link InformantContact})</td><td>S0 Art 7.2</td></tr>
 *     <tr><td>CaseOpened, ReferralStatusChanged, other CaseStatusChanged</td><td>—</td><td>nobody</td><td></td></tr>
 * </table>
 * A recipient the directory lacks is still planned, without an address: its notification is recorded FAILED
 * ({@code NO_FOCAL_POINT}, {@code NO_BACKUP_FOCAL_POINT}, {@code NO_COORDINATOR}) and published, so the gap is chased.
 */
public final class NotificationRules {

    /** The coordinator sits at the standing agency (S0 Art 5.4, 8). */
    public static final String COORDINATOR_AGENCY = Agencies.SOCIAL_AFFAIRS;

    private NotificationRules() {
    }

    /** What an event asks for. */
    public sealed interface Decision {
    }

    /** These notifications, one per recipient (ids deterministic), in the order listed. */
    public record Notify(List<Notification> notifications) implements Decision {
        public Notify {
            notifications = List.copyOf(notifications);
        }
    }

    /** The case is completed: the informant hears the outcome if they asked for it ({@link InformantContact}). */
    public record TellInformant(CaseStatusChanged completed) implements Decision {
    }

    /** Nobody is told. */
    public record Nothing(String eventType) implements Decision {
    }

    /**
     * @param provinceCode the case's province (from its {@code CaseOpened}); {@code null} when not known (then the
     *                     default coordinator)
     */
    public static Decision decide(CaseEvent event, AgencyDirectory directory, String provinceCode, Instant now) {
        Objects.requireNonNull(directory, "directory");
        Decision decision = decideFor(event, directory, provinceCode, now);
        return decision instanceof Notify(var notifications)
                ? new Notify(notifications.stream().map(n -> n.inProvince(provinceCode)).toList()) : decision;
    }

    private static Decision decideFor(CaseEvent event, AgencyDirectory directory, String provinceCode, Instant now) {
        return switch (event) {
            case CaseOpened opened -> new Nothing(opened.eventType());
            case ReferralIssued referral -> referral.forwardedFrom() == null
                    ? new Notify(referralIssued(referral, directory, now))
                    : new Notify(forwarded(referral, directory, provinceCode, now));
            case EscalationRaised escalation -> new Notify(escalation(escalation, directory, provinceCode, now));
            case ReferralOverdue overdue -> new Notify(overdue(overdue, directory, provinceCode, now));
            case ReferralStatusChanged changed -> new Nothing(changed.eventType());
            case CaseStatusChanged changed -> changed.to() == CaseStatus.COMPLETED
                    ? new TellInformant(changed)
                    : new Nothing(changed.eventType());
            case PersonalDataErased erased -> new Nothing(erased.eventType());
        };
    }

    /** The details of a referral's notifications. */
    public static NotificationDetails detailsOf(ReferralIssued referral) {
        return new NotificationDetails(referral.severity(), referral.dueAt(), List.of(), null,
                referral.forwardedFrom(), referral.ruleId(), List.of());
    }

    private static List<Notification> referralIssued(ReferralIssued referral, AgencyDirectory directory,
                                                     Instant now) {
        List<Recipient> recipients = directory.recipientsFor(referral.agency(), referral.areaCode());
        if (recipients.isEmpty()) {
            return List.of(Notification.ofUnreachableReferral(referral, now));
        }
        List<Notification> all = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            all.add(Notification.ofReferral(referral, recipients.get(i), i == 0, now));
        }
        return all;
    }

    private static List<Notification> forwarded(ReferralIssued referral, AgencyDirectory directory,
                                                String provinceCode, Instant now) {
        List<Addressee> to = new ArrayList<>(agencyRecipients(referral.agency(), referral.areaCode(), directory));
        to.add(coordinator(directory, provinceCode));
        return build(NotificationKind.FORWARDED, referral.eventId(), referral.caseId(), referral.referralId(),
                referral.areaCode(), to, detailsOf(referral), now);
    }

    private static List<Notification> escalation(EscalationRaised escalation, AgencyDirectory directory,
                                                 String provinceCode, Instant now) {
        boolean noAgencyLeft = escalation.declinedReferralId() != null;
        var details = new NotificationDetails(escalation.severity(), null, escalation.deadlines().stream()
                .map(d -> new NotificationDetails.Due(d.kind(), d.dueAt())).toList(), null,
                noAgencyLeft ? escalation.declinedReferralId() : null,
                noAgencyLeft ? NotificationDetails.NO_AGENCY_LEFT : null, List.of());
        return build(NotificationKind.ESCALATION, escalation.eventId(), escalation.caseId(), null, null,
                List.of(coordinator(directory, provinceCode)), details, now);
    }

    private static List<Notification> overdue(ReferralOverdue overdue, AgencyDirectory directory,
                                              String provinceCode, Instant now) {
        List<NotificationDetails.Due> due = overdue.deadline() == null || overdue.dueAt() == null
                ? List.of()
                : List.of(new NotificationDetails.Due(overdue.deadline(), overdue.dueAt()));
        var details = new NotificationDetails(overdue.severity(), overdue.dueAt(), due, overdue.stage(), null, null,
                List.of());
        Addressee focalPoint = new Addressee(RecipientRole.FOCAL_POINT, overdue.agency(),
                directory.focalPointFor(overdue.agency(), overdue.areaCode()).orElse(null));
        if (overdue.stage() == ReferralOverdue.Stage.ESCALATED) {
            List<Addressee> to = List.of(focalPoint,
                    new Addressee(RecipientRole.BACKUP_FOCAL_POINT, overdue.agency(),
                            directory.backupFocalPointFor(overdue.agency()).orElse(null)),
                    coordinator(directory, provinceCode));
            return build(NotificationKind.ESCALATION, overdue.eventId(), overdue.caseId(), overdue.referralId(),
                    overdue.areaCode(), to, details, now);
        }
        return build(NotificationKind.OVERDUE_REMINDER, overdue.eventId(), overdue.caseId(), overdue.referralId(),
                overdue.areaCode(), List.of(focalPoint), details, now);
    }

    /** The focal point first (an addressee without address when the directory has none), then the others. */
    private static List<Addressee> agencyRecipients(String agency, String areaCode, AgencyDirectory directory) {
        List<Recipient> recipients = directory.recipientsFor(agency, areaCode);
        if (recipients.isEmpty()) {
            return List.of(new Addressee(RecipientRole.FOCAL_POINT, agency, null));
        }
        List<Addressee> to = new ArrayList<>();
        to.add(new Addressee(RecipientRole.FOCAL_POINT, agency, recipients.getFirst()));
        recipients.stream().skip(1).forEach(r -> to.add(new Addressee(RecipientRole.ofFurther(r), agency, r)));
        return to;
    }

    private static Addressee coordinator(AgencyDirectory directory, String provinceCode) {
        return new Addressee(RecipientRole.COORDINATOR, COORDINATOR_AGENCY,
                directory.coordinatorFor(provinceCode).orElse(null));
    }

    private static List<Notification> build(NotificationKind kind, String eventId, String caseId, String referralId,
                                            String areaCode, List<Addressee> to, NotificationDetails details,
                                            Instant now) {
        return to.stream()
                .map(a -> Notification.of(NotificationIds.of(kind, eventId, a), kind, caseId, referralId, areaCode,
                        a, details, eventId, now))
                .distinct()
                .toList();
    }
}
