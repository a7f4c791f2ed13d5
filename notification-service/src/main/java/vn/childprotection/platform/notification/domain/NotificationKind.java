package vn.childprotection.platform.notification.domain;

/**
 * What a notification tells its recipient.
 * <ul>
 *     <li>{@link #REFERRAL_ISSUED}: a case was referred to the recipient's agency; the agency handles what is within
 *     its authority (S0 Art 7.2, 9.5).</li>
 * </ul>
 * Later kinds (escalation to the standing deputy head, S0 Art 5.4; outcome feedback, S0 Art 7.2) are added here.
 */
public enum NotificationKind {
    REFERRAL_ISSUED
}
