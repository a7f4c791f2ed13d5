package vn.childprotection.platform.notification.adapter.out.channel;

import vn.childprotection.platform.notification.domain.Notification;
import vn.childprotection.platform.notification.domain.NotificationDetails;
import vn.childprotection.platform.notification.domain.NotificationTexts;

import java.time.Instant;
import java.util.List;

/**
 * The webhook body an agency's system receives: structured ids and codes only (the case itself is read in the case
 * system by the agency's authorised staff; S0 Art 7.2). Never the recipient's address, a name or a narrative.
 *
 * @param recipientRole FOCAL_POINT, BACKUP_FOCAL_POINT, COORDINATOR, AGENCY_SYSTEM
 * @param severity      the case's severity, if known
 * @param dueAt         when the referral must be acknowledged
 * @param deadlines     the deadlines that run or passed ({@code kind}: ACKNOWLEDGEMENT, EMERGENCY_MEASURES,
 *                      SUPPORT_PLAN)
 * @param stage         of an overdue referral: REMINDER or ESCALATED
 * @param forwardedFrom the referral a FORWARDED one replaces
 * @param ruleId        the routing rule ({@code TRIAGE-AFTER-DECLINE}: sent back to the standing agency for triage)
 */
public record NotificationPayload(String notificationId, String kind, String caseId, String referralId,
                                  String agency, String areaCode, Instant createdAt, String recipientRole,
                                  String severity, Instant dueAt, List<Deadline> deadlines, String stage,
                                  String forwardedFrom, String ruleId) {

    /** One deadline as the webhook carries it. */
    public record Deadline(String kind, Instant dueAt) {
    }

    public static NotificationPayload of(Notification n) {
        NotificationDetails d = n.details();
        return new NotificationPayload(n.notificationId(), n.kind().name(), n.caseId(), n.referralId(), n.agency(),
                n.areaCode(), n.createdAt(), n.role().name(), d.severity() == null ? null : d.severity().name(),
                d.dueAt(), d.deadlines().stream().map(due -> new Deadline(due.kind().name(), due.dueAt())).toList(),
                d.stage() == null ? null : d.stage().name(), d.forwardedFrom(), d.ruleId());
    }

    /** The short Vietnamese text of an SMS ({@link NotificationTexts#sms}). */
    public static String smsText(Notification n) {
        return NotificationTexts.sms(n);
    }
}
