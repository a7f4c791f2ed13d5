package vn.childprotection.platform.notification.domain;

/**
 * How a notification reaches its recipient. Only {@link #RECORDED} has an adapter today: the notification is kept
 * in the store and the agency reads it through the API. WEBHOOK, EMAIL and SMS are delivery channels with their own
 * adapters in a later issue; they are listed so that stored notifications and the API already carry the code.
 */
public enum DeliveryChannel {
    RECORDED, WEBHOOK, EMAIL, SMS
}
