package vn.childprotection.platform.notification.domain;

import java.util.Objects;

/**
 * Whom a notification is for: the focal point (đầu mối) of an agency's unit, as a role address
 * ({@code focal-point@police.local}, a webhook URL, a duty phone), never a person's name. S0 Art 8.4: the standing
 * agency is the focal point that links the sectors; every other agency names its own.
 *
 * @param address role address, understood by {@code channel}
 * @param channel how the address is reached
 */
public record Recipient(String address, DeliveryChannel channel) {

    public Recipient {
        Objects.requireNonNull(channel, "channel");
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("a recipient needs an address");
        }
        address = address.strip();
    }

    public static Recipient recorded(String address) {
        return new Recipient(address, DeliveryChannel.RECORDED);
    }
}
