package vn.childprotection.platform.notification.application;

import vn.childprotection.platform.notification.application.port.out.NotificationChannel;
import vn.childprotection.platform.notification.domain.DeliveryChannel;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The channel adapters present, by channel code: a new channel plugs in by being one more adapter here. */
public final class NotificationChannels {

    private final Map<DeliveryChannel, NotificationChannel> byType = new EnumMap<>(DeliveryChannel.class);

    public NotificationChannels(Collection<? extends NotificationChannel> channels) {
        for (NotificationChannel channel : channels) {
            if (byType.putIfAbsent(channel.type(), channel) != null) {
                throw new IllegalArgumentException("two adapters for channel " + channel.type());
            }
        }
    }

    public Optional<NotificationChannel> forType(DeliveryChannel type) {
        return Optional.ofNullable(byType.get(type));
    }
}
