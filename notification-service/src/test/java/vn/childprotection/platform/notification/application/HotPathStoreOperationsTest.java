package vn.childprotection.platform.notification.application;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.access.QueryScope;
import vn.childprotection.platform.contracts.ReferralIssued;
import vn.childprotection.platform.notification.application.Fakes.CountingMetrics;
import vn.childprotection.platform.notification.application.Fakes.InMemoryNotifications;
import vn.childprotection.platform.notification.application.Fakes.MapDirectory;
import vn.childprotection.platform.notification.application.Fakes.RecordingDeadLetters;
import vn.childprotection.platform.notification.application.Fakes.ScriptedChannel;
import vn.childprotection.platform.notification.application.port.out.DeliveryHandOff;
import vn.childprotection.platform.notification.application.port.out.NotificationRepository;
import vn.childprotection.platform.notification.domain.DeliveryChannel;
import vn.childprotection.platform.notification.domain.DeliveryOutcome;
import vn.childprotection.platform.notification.domain.Notification;
import vn.childprotection.platform.notification.domain.NotificationStatus;
import vn.childprotection.platform.notification.domain.Recipient;
import vn.childprotection.platform.notification.fixtures.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.newCaseId;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.referral;

/**
 * The store operations a notification costs on the hot path (consumer → hand-off → worker), counted by a decorator of
 * the repository port: no scan ({@code duePending}, {@code unannounced}, {@code find}),
 * only writes and reads by {@code _id}: a RECORDED notification 3 (read, insert DELIVERED, mark published), an outbound
 * one 4 (insert, claim by id, store the outcome, mark published). Before the hand-off a RECORDED notification cost 4 operations by id (find,
 * insert, update, mark) plus the relay's scan, an outbound one 4 by id plus one scanning claim each, and every look of
 * the woken poller two more scans (relay, empty claim).
 */
class HotPathStoreOperationsTest {

    private static final Instant NOW = Instant.parse("2025-03-10T02:16:00Z");
    private static final List<String> SCANS = List.of("duePending", "unannounced", "find");

    /** Counts each call of the port by method name. */
    static final class CountingRepository implements NotificationRepository {
        final NotificationRepository store;
        final Map<String, Integer> calls = new TreeMap<>();

        CountingRepository(NotificationRepository store) {
            this.store = store;
        }

        private void count(String method) {
            calls.merge(method, 1, Integer::sum);
        }

        int total() {
            return calls.values().stream().mapToInt(Integer::intValue).sum();
        }

        int scans() {
            return SCANS.stream().mapToInt(m -> calls.getOrDefault(m, 0)).sum();
        }

        @Override
        public Optional<Notification> findById(String id) {
            count("findById");
            return store.findById(id);
        }

        @Override
        public boolean insertIfAbsent(Notification n) {
            count("insertIfAbsent");
            return store.insertIfAbsent(n);
        }

        @Override
        public void update(Notification n) {
            count("update");
            store.update(n);
        }

        @Override
        public Optional<Notification> claimPending(String id, Instant now, Instant leaseUntil) {
            count("claimPending");
            return store.claimPending(id, now, leaseUntil);
        }

        @Override
        public List<String> duePending(Instant now, int limit) {
            count("duePending");
            return store.duePending(now, limit);
        }

        @Override
        public void reschedule(Notification n, Instant notBefore) {
            count("reschedule");
            store.reschedule(n, notBefore);
        }

        @Override
        public List<Notification> unannounced(int limit) {
            count("unannounced");
            return store.unannounced(limit);
        }

        @Override
        public void markAnnounced(String id) {
            count("markAnnounced");
            store.markAnnounced(id);
        }

        @Override
        public Page find(QueryScope scope, Query query, PageRequest page) {
            count("find");
            return store.find(scope, query, page);
        }
    }

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryNotifications memory = new InMemoryNotifications();
    private final CountingRepository repository = new CountingRepository(memory);
    private final RecordingDeadLetters published = new RecordingDeadLetters();
    private final ScriptedChannel recording = new ScriptedChannel(DeliveryChannel.RECORDED,
            n -> DeliveryOutcome.delivered());
    private final ScriptedChannel webhook = new ScriptedChannel(DeliveryChannel.WEBHOOK,
            n -> DeliveryOutcome.delivered());
    private final NotificationChannels channels = new NotificationChannels(List.of(recording, webhook));
    private final NotificationDispatcher dispatcher = new NotificationDispatcher(repository, channels, published,
            new Fakes.InMemoryInformantContacts(), new CountingMetrics(), clock,
            new NotificationDispatcher.Settings(Duration.ofMinutes(5), Duration.ofSeconds(30)));

    /** The scheduler's workers, run inline: claim by id and deliver, or announce. */
    private final DeliveryHandOff inline = new DeliveryHandOff() {
        @Override
        public boolean deliver(String notificationId) {
            dispatcher.claim(notificationId).ifPresent(dispatcher::deliver);
            return true;
        }

        @Override
        public boolean announce(Notification finalNotification) {
            return dispatcher.announce(finalNotification);
        }
    };

    private RecordReferralNotificationService consumer(MapDirectory directory) {
        return new RecordReferralNotificationService(repository, directory, channels, new CountingMetrics(),
                new Fakes.InMemoryInformantContacts(), new Fakes.MapCaseProvinces(), clock, inline);
    }

    @Test
    void aRecordedNotificationCostsAReadAnInsertAndAMarkByIdAndNoScan() {
        var consumer = consumer(new MapDirectory().with("POLICE", Recipient.recorded("focal-point@police.local")));

        consumer.handle(referral(newCaseId()).agency("POLICE").build());

        assertThat(repository.calls).containsExactlyInAnyOrderEntriesOf(Map.of("findById", 1, "insertIfAbsent", 1,
                "markAnnounced", 1));
        assertThat(published.published).extracting(Notification::status).containsExactly(NotificationStatus.DELIVERED);
        assertThat(memory.unannounced).isEmpty();
    }

    @Test
    void anOutboundNotificationCostsAnInsertAClaimByIdAnUpdateAndAMarkAndNoScan() {
        var consumer = consumer(new MapDirectory()
                .with("POLICE", new Recipient("https://police.example/hook", DeliveryChannel.WEBHOOK)));

        consumer.handle(referral(newCaseId()).agency("POLICE").build());

        assertThat(repository.calls).containsExactlyInAnyOrderEntriesOf(Map.of("insertIfAbsent", 1,
                "claimPending", 1, "update", 1, "markAnnounced", 1));
        assertThat(webhook.delivered).hasSize(1);
        assertThat(published.published).extracting(Notification::status).containsExactly(NotificationStatus.DELIVERED);
    }

    @Test
    void aReferralWithSixRecipientsCostsNoScan() {
        var directory = new MapDirectory().with("POLICE", Recipient.recorded("focal-point@police.local"))
                .withFurther("POLICE", new Recipient("https://police.example/hook", DeliveryChannel.WEBHOOK))
                .withFurther("POLICE", new Recipient("duty@police.example", DeliveryChannel.WEBHOOK))
                .withFurther("POLICE", new Recipient("https://police.example/hook2", DeliveryChannel.WEBHOOK))
                .withFurther("POLICE", Recipient.recorded("registry@police.local"))
                .withFurther("POLICE", Recipient.recorded("archive@police.local"));
        ReferralIssued issued = referral(newCaseId()).agency("POLICE").build();

        consumer(directory).handle(issued);

        assertThat(repository.scans()).isZero();
        assertThat(repository.total()).as("3 recorded × 3 + 3 outbound × 4").isEqualTo(21);
        assertThat(published.published).hasSize(6);
    }

    @Test
    void aRedeliveredEventCostsOneOperationByIdPerRecipient() {
        var consumer = consumer(new MapDirectory().with("POLICE", Recipient.recorded("focal-point@police.local"))
                .withFurther("POLICE", new Recipient("https://police.example/hook", DeliveryChannel.WEBHOOK)));
        ReferralIssued issued = referral(newCaseId()).agency("POLICE").build();
        consumer.handle(issued);
        repository.calls.clear();

        consumer.handle(issued);

        // the recorded one is read (a redelivery must not deliver it again), the outbound one's insert is refused
        assertThat(repository.calls).containsExactlyInAnyOrderEntriesOf(Map.of("findById", 1,
                "insertIfAbsent", 1));
        assertThat(published.published).hasSize(2);
        assertThat(webhook.delivered).hasSize(1);
    }
}
