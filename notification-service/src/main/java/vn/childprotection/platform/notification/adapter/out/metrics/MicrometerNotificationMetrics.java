package vn.childprotection.platform.notification.adapter.out.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import vn.childprotection.platform.notification.application.port.out.NotificationMetrics;
import vn.childprotection.platform.notification.domain.Notification;

/** Counter {@code notifications} (Prometheus {@code notifications_total}) tagged with codes only. */
public final class MicrometerNotificationMetrics implements NotificationMetrics {

    public static final String NOTIFICATIONS = "notifications";

    private final MeterRegistry registry;

    public MicrometerNotificationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void recorded(Notification notification) {
        Counter.builder(NOTIFICATIONS)
                .description("Notifications stored, by kind, channel and the status they reached")
                .tag("kind", notification.kind().name())
                .tag("channel", notification.channel().name())
                .tag("status", notification.status().name())
                .register(registry)
                .increment();
    }
}
