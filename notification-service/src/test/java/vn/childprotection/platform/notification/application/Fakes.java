package vn.childprotection.platform.notification.application;

import vn.childprotection.platform.access.QueryScope;
import vn.childprotection.platform.notification.application.port.out.CaseProvinces;
import vn.childprotection.platform.notification.application.port.out.InformantContacts;
import vn.childprotection.platform.notification.application.port.out.NotificationChannel;
import vn.childprotection.platform.notification.application.port.out.NotificationEventPublisher;
import vn.childprotection.platform.notification.application.port.out.NotificationMetrics;
import vn.childprotection.platform.notification.application.port.out.NotificationRepository;
import vn.childprotection.platform.notification.application.port.out.RecipientDirectory;
import vn.childprotection.platform.notification.domain.DeliveryChannel;
import vn.childprotection.platform.notification.domain.DeliveryOutcome;
import vn.childprotection.platform.notification.domain.InformantContact;
import vn.childprotection.platform.notification.domain.Notification;
import vn.childprotection.platform.notification.domain.NotificationStatus;
import vn.childprotection.platform.notification.domain.Recipient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
        /** Writes of an outcome ({@code update}, {@code reschedule}) that fail before the store answers again. */
        int outcomeWritesToFail;
        /** {@code markAnnounced} calls that fail before the store answers again. */
        int marksToFail;
        /** When set, {@code unannounced} answers this (a read taken before another thread cleared the flag). */
        List<Notification> staleUnannounced;

        private void outcomeWrite() {
            if (outcomeWritesToFail > 0) {
                outcomeWritesToFail--;
                throw new IllegalStateException("store away");
            }
        }

        private void track(Notification n, Instant lease) {
            if (n.status() == NotificationStatus.PENDING) {
                leaseUntil.put(n.notificationId(), lease);
            } else {
                leaseUntil.remove(n.notificationId());
            }
            if (n.status().isFinal()) {
                unannounced.add(n.notificationId());
            } else {
                unannounced.remove(n.notificationId()); // as the document: the flag is set with a final status only
            }
        }

        @Override
        public Optional<Notification> claimPending(String notificationId, Instant now, Instant until) {
            Notification n = byId.get(notificationId);
            if (n == null || n.status() != NotificationStatus.PENDING || !n.channel().isOutbound()
                    || leaseUntil.get(notificationId).isAfter(now)) {
                return Optional.empty();
            }
            leaseUntil.put(notificationId, until);
            return Optional.of(n);
        }

        @Override
        public List<String> duePending(Instant now, int limit) {
            return byId.values().stream()
                    .filter(n -> n.status() == NotificationStatus.PENDING && n.channel().isOutbound())
                    .filter(n -> !leaseUntil.get(n.notificationId()).isAfter(now))
                    .sorted(Comparator.comparing(n -> leaseUntil.get(n.notificationId())))
                    .limit(limit)
                    .map(Notification::notificationId)
                    .toList();
        }

        @Override
        public void reschedule(Notification notification, Instant notBefore) {
            outcomeWrite();
            byId.put(notification.notificationId(), notification);
            track(notification, notBefore);
            writes++;
        }

        @Override
        public List<Notification> unannounced(int limit) {
            if (staleUnannounced != null) {
                return staleUnannounced;
            }
            return unannounced.stream().limit(limit).map(byId::get).toList();
        }

        @Override
        public void markAnnounced(String notificationId) {
            if (marksToFail > 0) {
                marksToFail--;
                throw new IllegalStateException("store away");
            }
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
            outcomeWrite();
            byId.put(notification.notificationId(), notification);
            track(notification, notification.updatedAt());
            writes++;
        }

        @Override
        public Page find(QueryScope scope, Query query, PageRequest page) {
            List<Notification> matching = byId.values().stream()
                    .filter(n -> switch (scope) {
                        case QueryScope.Everything everything -> true;
                        case QueryScope.Provinces(var codes) -> codes.contains(n.province());
                        default -> false;
                    })
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
        final Map<String, Recipient> backups = new LinkedHashMap<>();
        final Map<String, Recipient> coordinators = new LinkedHashMap<>();

        MapDirectory withBackup(String agency, Recipient recipient) {
            backups.put(agency, recipient);
            return this;
        }

        MapDirectory withCoordinator(String province, Recipient recipient) {
            coordinators.put(province, recipient);
            return this;
        }

        @Override
        public Optional<Recipient> backupFocalPointFor(String agency) {
            return Optional.ofNullable(backups.get(agency));
        }

        @Override
        public Optional<Recipient> coordinatorFor(String provinceCode) {
            return Optional.ofNullable(coordinators.get(provinceCode));
        }

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

    static final class RecordingDeadLetters implements NotificationEventPublisher {
        final List<Notification> published = new ArrayList<>();
        boolean brokerDown;
        /** Runs inside {@code publish}, before it returns: what another thread does meanwhile. */
        Runnable whilePublishing = () -> { };

        @Override
        public void publish(Notification failed) {
            if (brokerDown) {
                throw new IllegalStateException("broker down");
            }
            published.add(failed);
            whilePublishing.run();
        }
    }

    /** Sleeps by advancing the test clock; remembers each pause. */
    static final class ClockSleeper implements StoreRetry.Sleeper {
        final vn.childprotection.platform.notification.fixtures.MutableClock clock;
        final List<java.time.Duration> pauses = new ArrayList<>();
        Runnable onSleep = () -> { };

        ClockSleeper(vn.childprotection.platform.notification.fixtures.MutableClock clock) {
            this.clock = clock;
        }

        @Override
        public void sleep(java.time.Duration pause) {
            pauses.add(pause);
            clock.advance(pause);
            onSleep.run();
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

    /** Same semantics as the MongoDB adapter: one record per case, answered after each change. */
    static final class InMemoryInformantContacts implements InformantContacts {
        final Map<String, InformantContact> byCase = new LinkedHashMap<>();

        private InformantContact current(String caseId) {
            return byCase.getOrDefault(caseId, new InformantContact(caseId, null, false, null, false));
        }

        private InformantContact put(InformantContact c) {
            byCase.put(c.caseId(), c);
            return c;
        }

        @Override
        public InformantContact rememberContact(String caseId, Recipient contact) {
            InformantContact c = current(caseId);
            return c.told() ? c : put(new InformantContact(caseId, contact, c.declined(), c.pending(), false));
        }

        @Override
        public InformantContact declineFeedback(String caseId) {
            InformantContact c = current(caseId);
            return put(new InformantContact(caseId, null, true, c.pending(), c.told()));
        }

        @Override
        public InformantContact awaitOutcome(String caseId, InformantContact.PendingOutcome outcome) {
            InformantContact c = current(caseId);
            return put(new InformantContact(caseId, c.contact(), c.declined(), outcome, c.told()));
        }

        @Override
        public void erase(String caseId) {
            InformantContact c = current(caseId);
            put(new InformantContact(caseId, null, c.declined(), c.pending(), true));
        }

        @Override
        public Optional<InformantContact> find(String caseId) {
            return Optional.ofNullable(byCase.get(caseId));
        }
    }

    static final class MapCaseProvinces implements CaseProvinces {
        final Map<String, String> byCase = new LinkedHashMap<>();

        @Override
        public void remember(String caseId, String provinceCode) {
            byCase.put(caseId, provinceCode);
        }

        @Override
        public Optional<String> provinceOf(String caseId) {
            return Optional.ofNullable(byCase.get(caseId));
        }
    }
}
