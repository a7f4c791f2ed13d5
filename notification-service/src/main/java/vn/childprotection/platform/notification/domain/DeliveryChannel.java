package vn.childprotection.platform.notification.domain;

/**
 * How a notification reaches its recipient: {@link #RECORDED} keeps it in the store for the agency to read through the
 * API (delivered once recorded); {@link #WEBHOOK} posts it, signed, to the agency's case system; {@link #EMAIL} sends it
 * to a role mailbox over SMTP; {@link #SMS} sends a short notice through the SMS gateway. S0 Art 7.2, 8.4.
 */
public enum DeliveryChannel {
    RECORDED, WEBHOOK, EMAIL, SMS;

    /** True for the channels that leave the service (delivered by the dispatcher, not by the consumer). */
    public boolean isOutbound() {
        return this != RECORDED;
    }
}
