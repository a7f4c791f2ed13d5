package vn.childprotection.platform.notification.it;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.childprotection.platform.notification.adapter.out.mongo.MongoNotificationRepository;
import vn.childprotection.platform.notification.domain.DeliveryChannel;
import vn.childprotection.platform.notification.domain.DeliveryOutcome;
import vn.childprotection.platform.notification.domain.Notification;
import vn.childprotection.platform.notification.domain.NotificationStatus;
import vn.childprotection.platform.notification.domain.Recipient;
import vn.childprotection.platform.notification.domain.StatusChange;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static vn.childprotection.platform.notification.fixtures.Claims.claimNextDue;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.newCaseId;
import static vn.childprotection.platform.notification.fixtures.CaseEventFixtures.referral;

/**
 * The delivery lease and the failure outbox on a real MongoDB protocol (the stand-in, or an image): claims are
 * exclusive, a lease that runs out is claimed again (a restart resumes), RECORDED ones are never claimed, FAILED ones
 * wait to be published until marked.
 */
abstract class NotificationStoreScenario {

    private static final Instant NOW = Instant.parse("2025-03-10T02:16:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);

    abstract String mongoUri();

    private MongoClient client;
    private MongoNotificationRepository repository;

    @BeforeEach
    void open() {
        client = MongoClients.create(mongoUri());
        repository = new MongoNotificationRepository(new MongoTemplate(client,
                "store_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)));
        repository.createIndexes();
    }

    @AfterEach
    void close() {
        client.close();
    }

    private Notification stored(String agency, DeliveryChannel channel) {
        Notification n = Notification.ofReferral(referral(newCaseId()).agency(agency).build(),
                new Recipient("https://" + agency.toLowerCase() + ".example/hook", channel), false, NOW);
        assertThat(repository.insertIfAbsent(n)).isTrue();
        return n;
    }

    @Test
    void concurrentDispatchersNeverClaimTheSameNotification() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(stored("AGENCY_" + i, DeliveryChannel.WEBHOOK).notificationId());
        }
        Callable<List<String>> dispatcher = () -> {
            List<String> mine = new ArrayList<>();
            for (String id : repository.duePending(NOW, 100)) {
                repository.claimPending(id, NOW, NOW.plus(LEASE)).ifPresent(n -> mine.add(n.notificationId()));
            }
            return mine;
        };
        List<String> all = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(3)) {
            List<Future<List<String>>> results = pool.invokeAll(List.of(dispatcher, dispatcher, dispatcher));
            for (Future<List<String>> result : results) {
                all.addAll(result.get());
            }
        }

        assertThat(all).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void aLeaseThatRunsOutIsClaimedAgainSoARestartResumesPendingOnes() {
        Notification n = stored("POLICE", DeliveryChannel.WEBHOOK);
        assertThat(claimNextDue(repository, NOW, NOW.plus(LEASE))).isPresent();

        assertThat(claimNextDue(repository, NOW.plus(LEASE).minusSeconds(1), NOW.plus(LEASE.multipliedBy(2))))
                .isEmpty();
        assertThat(claimNextDue(repository, NOW.plus(LEASE), NOW.plus(LEASE.multipliedBy(2))))
                .map(Notification::notificationId).contains(n.notificationId());
    }

    @Test
    void recordedAndFinalNotificationsAreNeverClaimed() {
        stored("POLICE", DeliveryChannel.RECORDED);
        Notification webhook = stored("HEALTH", DeliveryChannel.WEBHOOK);
        var delivered = ((StatusChange.Changed) webhook.afterAttempt(new DeliveryOutcome.Delivered(), NOW))
                .notification();
        repository.update(delivered);

        assertThat(claimNextDue(repository, NOW.plus(LEASE), NOW.plus(LEASE.multipliedBy(2)))).isEmpty();
        assertThat(repository.findById(webhook.notificationId())).contains(delivered);
    }

    @Test
    void aRescheduledNotificationWaitsUntilItsTimeAndAFailedOneWaitsInTheOutboxUntilMarked() {
        Notification n = stored("HEALTH", DeliveryChannel.WEBHOOK);
        var deferred = ((StatusChange.Changed) n.afterAttempt(new DeliveryOutcome.Deferred("CIRCUIT_OPEN"), NOW))
                .notification();
        repository.reschedule(deferred, NOW.plusSeconds(30));

        assertThat(claimNextDue(repository, NOW.plusSeconds(29), NOW.plus(LEASE))).isEmpty();
        Notification claimed = claimNextDue(repository, NOW.plusSeconds(30), NOW.plus(LEASE)).orElseThrow();
        var failed = ((StatusChange.Changed) claimed.afterAttempt(
                new DeliveryOutcome.Failed("HTTP_503", false, 4), NOW.plusSeconds(31))).notification();
        repository.update(failed);

        assertThat(repository.unannounced(10)).containsExactly(failed);
        repository.markAnnounced(failed.notificationId());
        assertThat(repository.unannounced(10)).isEmpty();
        assertThat(repository.findById(n.notificationId()).orElseThrow().status())
                .isEqualTo(NotificationStatus.FAILED);
    }

    @Test
    void aClaimByIdTakesOnlyAFreeOutboundPendingNotificationAndOnlyOnce() throws Exception {
        Notification webhook = stored("POLICE", DeliveryChannel.WEBHOOK);
        Notification recorded = stored("HEALTH", DeliveryChannel.RECORDED);
        Callable<Boolean> handOff = () -> repository.claimPending(webhook.notificationId(), NOW, NOW.plus(LEASE))
                .isPresent();
        int claims = 0;
        try (var pool = Executors.newFixedThreadPool(3)) {
            for (Future<Boolean> claimed : pool.invokeAll(List.of(handOff, handOff, handOff))) {
                claims += claimed.get() ? 1 : 0;
            }
        }

        assertThat(claims).as("concurrent hand-offs of one id").isEqualTo(1);
        assertThat(repository.claimPending(recorded.notificationId(), NOW, NOW.plus(LEASE))).isEmpty();
        assertThat(repository.claimPending("unknown", NOW, NOW.plus(LEASE))).isEmpty();
        assertThat(repository.claimPending(webhook.notificationId(), NOW.plus(LEASE), NOW.plus(LEASE.multipliedBy(2))))
                .as("once its lease ran out").map(Notification::notificationId).contains(webhook.notificationId());
    }

    @Test
    void theDueIdsAreTheOutboundPendingOnesWhoseLeaseRanOutLongestDueFirst() {
        Notification later = stored("POLICE", DeliveryChannel.WEBHOOK);
        repository.reschedule(later, NOW.plusSeconds(10));
        Notification first = stored("HEALTH", DeliveryChannel.WEBHOOK);
        stored("EDUCATION", DeliveryChannel.RECORDED);
        Notification leased = stored("JUSTICE", DeliveryChannel.WEBHOOK);
        repository.claimPending(leased.notificationId(), NOW, NOW.plus(LEASE));

        assertThat(repository.duePending(NOW.plusSeconds(10), 10))
                .containsExactly(first.notificationId(), later.notificationId());
        assertThat(repository.duePending(NOW.plusSeconds(10), 1)).containsExactly(first.notificationId());
        assertThat(repository.duePending(NOW, 10)).containsExactly(first.notificationId());
    }
}
