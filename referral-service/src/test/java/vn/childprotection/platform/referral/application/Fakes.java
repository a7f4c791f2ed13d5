package vn.childprotection.platform.referral.application;

import vn.childprotection.platform.referral.application.port.out.CaseRepository;
import vn.childprotection.platform.referral.application.port.out.EventPublisher;
import vn.childprotection.platform.referral.domain.Case;
import vn.childprotection.platform.referral.domain.OutboxMessage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** In-memory stand-ins for the application's ports, with the same single-document semantics. */
final class Fakes {

    private Fakes() {
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static final class InMemoryCases implements CaseRepository {
        record Stored(Case value, String leaseOwner, Instant leaseUntil) {
        }

        final Map<String, Stored> byId = new LinkedHashMap<>();
        int inserts;

        @Override
        public synchronized boolean insertIfAbsent(Case newCase) {
            if (byId.containsKey(newCase.caseId())) {
                return false;
            }
            inserts++;
            byId.put(newCase.caseId(), new Stored(newCase, null, null));
            return true;
        }

        @Override
        public synchronized Optional<Case> findById(String caseId) {
            return Optional.ofNullable(byId.get(caseId)).map(Stored::value);
        }

        @Override
        public synchronized Optional<Case> claimOutbox(String caseId, String owner, Instant now, Instant leaseUntil) {
            Stored stored = byId.get(caseId);
            if (stored == null || !stored.value().outboxPending() || !free(stored, now)) {
                return Optional.empty();
            }
            byId.put(caseId, new Stored(stored.value(), owner, leaseUntil));
            return Optional.of(stored.value());
        }

        @Override
        public synchronized boolean completeOutbox(String caseId, String owner, Set<Integer> positions,
                                                   Instant publishedAt, boolean allPublished) {
            Stored stored = byId.get(caseId);
            if (stored == null || !owner.equals(stored.leaseOwner())) {
                return false;
            }
            byId.put(caseId, new Stored(stored.value().withPublished(positions, publishedAt), null, null));
            return true;
        }

        @Override
        public synchronized List<String> findPendingOutbox(Instant now, int limit) {
            return byId.values().stream().filter(s -> s.value().outboxPending() && free(s, now))
                    .sorted(Comparator.comparing(s -> s.value().openedAt()))
                    .limit(limit).map(s -> s.value().caseId()).toList();
        }

        @Override
        public synchronized long countPendingOutbox() {
            return byId.values().stream().filter(s -> s.value().outboxPending()).count();
        }

        /** Simulates another instance holding a live claim. */
        synchronized void leaseTo(String caseId, String owner, Instant until) {
            Stored stored = byId.get(caseId);
            byId.put(caseId, new Stored(stored.value(), owner, until));
        }

        private static boolean free(Stored stored, Instant now) {
            return stored.leaseUntil() == null || stored.leaseUntil().isBefore(now);
        }
    }

    static final class RecordingPublisher implements EventPublisher {
        final List<OutboxMessage> published = new ArrayList<>();
        Predicate<OutboxMessage> failWhen = message -> false;

        @Override
        public synchronized void publish(OutboxMessage message) {
            if (failWhen.test(message)) {
                throw new PublishFailedException("broker unavailable (test)", null);
            }
            published.add(message);
        }

        synchronized List<String> eventIds() {
            return published.stream().map(OutboxMessage::eventId).toList();
        }
    }
}
