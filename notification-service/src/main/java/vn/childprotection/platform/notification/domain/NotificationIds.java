package vn.childprotection.platform.notification.domain;

import vn.childprotection.platform.contracts.Ids;
import vn.childprotection.platform.contracts.NotificationKind;

/** Deterministic notification ids: a redelivered or replayed event yields the id it yielded the first time. */
public final class NotificationIds {

    private NotificationIds() {
    }

    /** One notification per referral (S0 Art 7.2: the agency is told once of what is referred to it). */
    public static String forReferral(String referralId) {
        return Ids.nameBased("notification", NotificationKind.REFERRAL_ISSUED.name(), referralId);
    }

    /** The notification of a referral to a further recipient of the agency (one per recipient, S0 Art 8.4). */
    public static String forReferral(String referralId, Recipient recipient) {
        return Ids.nameBased("notification", NotificationKind.REFERRAL_ISSUED.name(), referralId,
                recipient.channel().name(), recipient.address());
    }

    /**
     * A notification of the agency loop (FORWARDED, OVERDUE_REMINDER, ESCALATION): one per event, role and recipient,
     * so a redelivered event yields the same ids and each recipient is tracked on its own. The address is a role
     * address (never a person's); the id is a name-based UUID, so it does not show it.
     */
    public static String of(NotificationKind kind, String sourceEventId, Addressee to) {
        return Ids.nameBased("notification", kind.name(), sourceEventId, to.role().name(),
                to.isMissing() ? "-" : to.recipient().channel().name(),
                to.isMissing() ? "-" : to.recipient().address());
    }

    /**
     * The outcome for the informant: one per case, whatever event completes it and however often, and never derived
     * from the informant's phone number (S0 Art 7.2: the informant hears the result once).
     */
    public static String forInformantOutcome(String caseId) {
        return Ids.nameBased("notification", NotificationKind.OUTCOME_TO_INFORMANT.name(), caseId);
    }
}
