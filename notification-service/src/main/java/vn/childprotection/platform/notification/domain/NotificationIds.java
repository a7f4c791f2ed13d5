package vn.childprotection.platform.notification.domain;

import vn.childprotection.platform.contracts.Ids;

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
}
