package vn.childprotection.platform.notification.domain;

/**
 * Whom a notification is for, as a role (the {@code recipientRole} of contracts' {@code NotificationDelivered} and
 * {@code NotificationFailed}); never an address.
 * <ul>
 *     <li>{@link #FOCAL_POINT}: the focal point (đầu mối) of the agency's unit, and its duty mailbox or phone
 *     (S0 Art 8.4, 9.5);</li>
 *     <li>{@link #BACKUP_FOCAL_POINT}: the agency's backup focal point, told when a referral's deadline passed its
 *     grace;</li>
 *     <li>{@link #COORDINATOR}: the board's standing deputy head of the province, at the standing agency
 *     (S0 Art 5.4);</li>
 *     <li>{@link #AGENCY_SYSTEM}: the agency's case system, by signed webhook (S0 Art 7.2);</li>
 *     <li>{@link #INFORMANT}: the person who reported and asked to hear the result (S0 Art 7.2).</li>
 * </ul>
 */
public enum RecipientRole {
    FOCAL_POINT, BACKUP_FOCAL_POINT, COORDINATOR, AGENCY_SYSTEM, INFORMANT;

    /** The role of a further recipient of an agency: its case system by webhook, else the focal point's office. */
    public static RecipientRole ofFurther(Recipient recipient) {
        return recipient.channel() == DeliveryChannel.WEBHOOK ? AGENCY_SYSTEM : FOCAL_POINT;
    }
}
