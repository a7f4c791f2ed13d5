package vn.childprotection.platform.notification.application;

import vn.childprotection.platform.notification.application.port.out.NotificationChannel;
import vn.childprotection.platform.notification.application.port.out.NotificationMetrics;
import vn.childprotection.platform.notification.application.port.out.NotificationRepository;
import vn.childprotection.platform.notification.application.port.out.RecipientDirectory;
import vn.childprotection.platform.notification.domain.DeliveryChannel;
import vn.childprotection.platform.notification.domain.DeliveryOutcome;
import vn.childprotection.platform.notification.domain.Notification;
import vn.childprotection.platform.notification.domain.Recipient;

import vn.childprotection.platform.notification.application.port.out.FailedNotificationPublisher;
import vn.childprotection.platform.notification.domain.NotificationStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
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
        final Map<String, Instant> leaseUntil = new LinkedHashMap<>();
        final Set<String> unannounced = new LinkedHashSet<>();
        int writes;

        private void track(Notification n, Instant lease) {
            if (n.status() == NotificationStatus.PENDING) {
                leaseUntil.put(n.notificationId(), lease);
            } else {
                leaseUntil.remove(n.notificationId());
            }
            if (n.status() == NotificationStatus.FAILED) {
                unannounced.add(n.notificationId());
            }
        }

        @Override
        public Optional<Notification> claimNextPending(Instant now, Instant until) {
            Optional<Notification> due = byId.values().stream()
                    .filter(n -> n.status() == NotificationStatus.PENDING && n.channel().isOutbound())
                    .filter(n -> !leaseUntil.get(n.notificationId()).isAfter(now))
                    .min(Comparator.comparing(n -> leaseUntil.get(n.notificationId())));
            due.ifPresent(n -> leaseUntil.put(n.notificationId(), until));
            return due;
        }

        @Override
        public void reschedule(Notification notification, Instant notBefore) {
            byId.put(notification.notificationId(), notification);
            track(notification, notBefore);
            writes++;
        }

        @Override
        public List<Notification> unannouncedFailures(int limit) {
            return unannounced.stream().limit(limit).map(byId::get).toList();
        }

        @Override
        public void markAnnounced(String notificationId) {
            unannounced.remove(notificationId);
        }

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
            track(notification, notification.updatedAt());
            writes++;
            return true;
        }

        @Override
        public void update(Notification notification) {
            byId.put(notification.notificationId(), notification);
            track(notification, notification.updatedAt());
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
        final Map<String, List<Recipient>> further = new LinkedHashMap<>();

        MapDirectory with(String agency, Recipient recipient) {
            byAgency.put(agency, recipient);
            return this;
        }

        MapDirectory withFurther(String agency, Recipient recipient) {
            further.computeIfAbsent(agency, a -> new ArrayList<>()).add(recipient);
            return this;
        }

        @Override
        public List<Recipient> recipientsFor(String agency, String areaCode) {
            List<Recipient> all = new ArrayList<>();
            focalPointFor(agency, areaCode).ifPresent(all::add);
            if (!all.isEmpty()) {
                all.addAll(further.getOrDefault(agency, List.of()));
            }
            return all;
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

    static final class RecordingDeadLetters implements FailedNotificationPublisher {
        final List<Notification> published = new ArrayList<>();
        boolean brokerDown;

        @Override
        public void publish(Notification failed) {
            if (brokerDown) {
                throw new IllegalStateException("broker down");
            }
            published.add(failed);
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
