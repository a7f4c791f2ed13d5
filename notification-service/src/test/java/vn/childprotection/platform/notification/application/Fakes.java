package vn.childprotection.platform.notification.application;

import vn.childprotection.platform.notification.application.port.out.NotificationChannel;
import vn.childprotection.platform.notification.application.port.out.NotificationMetrics;
import vn.childprotection.platform.notification.application.port.out.NotificationRepository;
import vn.childprotection.platform.notification.application.port.out.RecipientDirectory;
import vn.childprotection.platform.notification.domain.DeliveryChannel;
import vn.childprotection.platform.notification.domain.DeliveryOutcome;
import vn.childprotection.platform.notification.domain.Notification;
import vn.childprotection.platform.notification.domain.Recipient;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** In-memory stand-ins for the ports. */
final class Fakes {

    private Fakes() {
    }

    static final class InMemoryNotifications implements NotificationRepository {
        final Map<String, Notification> byId = new LinkedHashMap<>();
        int writes;

        @Override
        public Optional<Notification> findById(String notificationId) {
            return Optional.ofNullable(byId.get(notificationId));
        }

        @Override
        public boolean insertIfAbsent(Notification notification) {
            if (byId.containsKey(notification.notificationId())) {
                return false;
            }
            byId.put(notification.notificationId(), notification);
            writes++;
            return true;
        }

        @Override
        public void update(Notification notification) {
            byId.put(notification.notificationId(), notification);
            writes++;
        }

        @Override
        public Page find(Query query, PageRequest page) {
            List<Notification> matching = byId.values().stream()
                    .filter(n -> query.caseId() == null || n.caseId().equals(query.caseId()))
                    .filter(n -> query.agency() == null || n.agency().equals(query.agency()))
                    .filter(n -> query.status() == null || n.status() == query.status())
                    .sorted(Comparator.comparing(Notification::createdAt))
                    .toList();
            return new Page(matching.stream().skip(page.offset()).limit(page.size()).toList(), page.page(),
                    page.size(), matching.size());
        }
    }

    static final class MapDirectory implements RecipientDirectory {
        final Map<String, Recipient> byAgency = new LinkedHashMap<>();

        MapDirectory with(String agency, Recipient recipient) {
            byAgency.put(agency, recipient);
            return this;
        }

        @Override
        public Optional<Recipient> focalPointFor(String agency, String areaCode) {
            return Optional.ofNullable(byAgency.get(agency));
        }
    }

    static final class ScriptedChannel implements NotificationChannel {
        final DeliveryChannel type;
        final Function<Notification, DeliveryOutcome> script;
        final List<Notification> delivered = new ArrayList<>();

        ScriptedChannel(DeliveryChannel type, Function<Notification, DeliveryOutcome> script) {
            this.type = type;
            this.script = script;
        }

        @Override
        public DeliveryChannel type() {
            return type;
        }

        @Override
        public DeliveryOutcome deliver(Notification notification) {
            delivered.add(notification);
            return script.apply(notification);
        }
    }

    static final class CountingMetrics implements NotificationMetrics {
        final List<String> recorded = new ArrayList<>();

        @Override
        public void recorded(Notification n) {
            recorded.add(n.kind() + "/" + n.channel() + "/" + n.status());
        }

        long count(String key) {
            return recorded.stream().filter(k -> Objects.equals(k, key)).count();
        }
    }
}
