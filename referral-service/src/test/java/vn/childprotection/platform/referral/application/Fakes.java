package vn.childprotection.platform.referral.application;

import vn.childprotection.platform.access.QueryScope;
import vn.childprotection.platform.contracts.ReferralStatus;
import vn.childprotection.platform.referral.application.port.out.CaseFilter;
import vn.childprotection.platform.referral.application.port.out.CaseRepository;
import vn.childprotection.platform.referral.application.port.out.EventPublisher;
import vn.childprotection.platform.referral.application.port.out.JobLease;
import vn.childprotection.platform.referral.application.port.out.PublicationLedger;
import vn.childprotection.platform.referral.application.port.out.RejectedResponseLog;
import vn.childprotection.platform.referral.domain.Case;
import vn.childprotection.platform.referral.domain.ListPage;
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

        void advanceTo(Instant at) {
            now = at;
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
        record Stored(Case value, String leaseOwner, Instant leaseUntil, boolean uncertain) {
            Stored(Case value, String leaseOwner, Instant leaseUntil) {
                this(value, leaseOwner, leaseUntil, false);
            }
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
        public synchronized boolean insertClaimedIfAbsent(Case newCase, String owner, Instant leaseUntil) {
            if (byId.containsKey(newCase.caseId())) {
                return false;
            }
            inserts++;
            byId.put(newCase.caseId(), new Stored(newCase, owner, leaseUntil));
            return true;
        }

        @Override
        public synchronized Optional<Case> findById(String caseId) {
            return Optional.ofNullable(byId.get(caseId)).map(Stored::value);
        }

        /** The application services under test never list: the scoped queries are the store adapter's, tested there. */
        @Override
        public ListPage<Case> findCases(QueryScope scope, CaseFilter filter, int page, int size) {
            throw new UnsupportedOperationException("lists are tested on the store");
        }

        @Override
        public ListPage<ScopedReferral> findReferrals(QueryScope scope, ReferralStatus status, int page, int size) {
            throw new UnsupportedOperationException("lists are tested on the store");
        }

        @Override
        public synchronized Optional<Case> findByReferralId(String referralId) {
            return byId.values().stream().map(Stored::value).filter(c -> c.referral(referralId).isPresent())
                    .findFirst();
        }

        /** Makes the next {@code n} updates fail as if another writer had changed the case first. */
        int conflicts;
        int updates;

        @Override
        public synchronized boolean update(Case before, Case after) {
            Stored stored = byId.get(before.caseId());
            if (stored == null || stored.value().version() != before.version()) {
                return false;
            }
            if (conflicts > 0) {
                conflicts--;
                return false;
            }
            updates++;
            // the outbox messages the relay marked meanwhile keep their marks; appended ones follow
            List<OutboxMessage> outbox = new ArrayList<>(stored.value().outbox());
            outbox.addAll(after.outbox().subList(before.outbox().size(), after.outbox().size()));
            Case next = new Case(after.caseId(), after.reportId(), after.sourceEventId(), after.status(),
                    after.contactType(), after.channel(), after.concerns(), after.severity(), after.location(),
                    after.child(), after.reporter(), after.narrative(), after.receivedAt(), after.openedAt(),
                    after.rulesetVersion(), after.referrals(), outbox, after.triage(), after.escalations(),
                    before.version() + 1, after.appliedResponses(), after.submittedBy(), after.erasure());
            byId.put(before.caseId(), new Stored(next, stored.leaseOwner(), stored.leaseUntil(), stored.uncertain()));
            return true;
        }

        @Override
        public synchronized List<String> findDueForWatch(Instant now, int limit) {
            return byId.values().stream().map(Stored::value)
                    .filter(c -> c.nextWatchAt() != null && !c.nextWatchAt().isAfter(now))
                    .sorted(Comparator.comparing(Case::nextWatchAt)).limit(limit).map(Case::caseId).toList();
        }

        @Override
        public synchronized Optional<ClaimedOutbox> claimOutbox(String caseId, String owner, Instant now,
                                                                Instant leaseUntil) {
            Stored stored = byId.get(caseId);
            if (stored == null || !stored.value().outboxPending() || !free(stored, now)) {
                return Optional.empty();
            }
            byId.put(caseId, new Stored(stored.value(), owner, leaseUntil, stored.uncertain()));
            // like the store's find-and-modify returning the document before the claim
            return Optional.of(new ClaimedOutbox(stored.value(), stored.leaseOwner() != null || stored.uncertain()));
        }

        @Override
        public synchronized boolean completeOutbox(String caseId, String owner, Set<Integer> positions,
                                                   Map<Integer, String> keptPayloads, Instant publishedAt,
                                                   boolean allPublished, long claimedVersion) {
            Stored stored = byId.get(caseId);
            if (stored == null || !owner.equals(stored.leaseOwner())) {
                return false;
            }
            byId.put(caseId, new Stored(stored.value().withPublished(positions, publishedAt), null, null,
                    !allPublished));
            return true;
        }

        /** Provinces the scope reaches, {@code null} for every province (the fakes know only these two scopes). */
        private static boolean reaches(QueryScope scope, Case c) {
            return switch (scope) {
                case QueryScope.Everything ignored -> true;
                case QueryScope.Provinces(var codes) -> c.location() != null
                        && codes.contains(c.location().provinceCode());
                default -> false;
            };
        }

        @Override
        public synchronized Optional<Case> findById(String caseId, QueryScope scope) {
            return findById(caseId).filter(c -> reaches(scope, c));
        }

        @Override
        public synchronized boolean erase(Case before, Case after, QueryScope scope) {
            Stored stored = byId.get(before.caseId());
            if (stored == null || stored.value().version() != before.version() || !reaches(scope, stored.value())) {
                return false;
            }
            if (conflicts > 0) {
                conflicts--;
                return false;
            }
            // the relay's marks stay; each copy takes its payload without personal data; the erasure's message follows
            List<OutboxMessage> outbox = new ArrayList<>();
            for (int i = 0; i < stored.value().outbox().size(); i++) {
                OutboxMessage held = stored.value().outbox().get(i);
                outbox.add(new OutboxMessage(held.eventId(), held.eventType(), held.topic(), held.key(),
                        after.outbox().get(i).payload(), held.recordedAt(), held.publishedAt()));
            }
            outbox.add(after.outbox().getLast());
            Case next = new Case(after.caseId(), after.reportId(), after.sourceEventId(), after.status(),
                    after.contactType(), after.channel(), after.concerns(), after.severity(), after.location(),
                    after.child(), after.reporter(), after.narrative(), after.receivedAt(), after.openedAt(),
                    after.rulesetVersion(), after.referrals(), outbox, after.triage(), after.escalations(),
                    before.version() + 1, after.appliedResponses(), after.submittedBy(), after.erasure());
            byId.put(before.caseId(), new Stored(next, stored.leaseOwner(), stored.leaseUntil(), stored.uncertain()));
            return true;
        }

        @Override
        public synchronized List<String> findRetentionDue(Instant cutoff, int limit) {
            return byId.values().stream().map(Stored::value)
                    .filter(c -> !c.erased() && c.closedAt() != null && !c.closedAt().isAfter(cutoff))
                    .sorted(Comparator.comparing(Case::closedAt)).limit(limit).map(Case::caseId).toList();
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

        /** Simulates another instance holding a claim (live, or left behind by a killed relay once it expires). */
        synchronized void leaseTo(String caseId, String owner, Instant until) {
            Stored stored = byId.get(caseId);
            byId.put(caseId, new Stored(stored.value(), owner, until, stored.uncertain()));
        }

        synchronized boolean uncertain(String caseId) {
            return byId.get(caseId).uncertain();
        }

        private static boolean free(Stored stored, Instant now) {
            return stored.leaseUntil() == null || stored.leaseUntil().isBefore(now);
        }
    }

    /** One lease per job, like the store's: free, expired or own. */
    static final class InMemoryLeases implements JobLease {
        record Held(String owner, Instant until) {
        }

        final Map<String, Held> byJob = new LinkedHashMap<>();

        @Override
        public synchronized boolean claim(String job, String owner, Instant now, Instant until) {
            Held held = byJob.get(job);
            if (held != null && held.owner() != null && !held.owner().equals(owner) && !held.until().isBefore(now)) {
                return false;
            }
            byJob.put(job, new Held(owner, until));
            return true;
        }

        @Override
        public synchronized void release(String job, String owner) {
            Held held = byJob.get(job);
            if (held != null && owner.equals(held.owner())) {
                byJob.remove(job);
            }
        }
    }

    static final class RecordingRejections implements RejectedResponseLog {
        final List<RejectedResponse> recorded = new ArrayList<>();

        @Override
        public synchronized void record(RejectedResponse rejected) {
            recorded.add(rejected);
        }
    }

    /**
     * Records what reaches the topics. {@code failWhen} makes a send fail without the broker writing it;
     * {@code writtenButUnacknowledged} one whose acknowledgement is lost although the record is on its topic.
     */
    static final class RecordingPublisher implements EventPublisher {
        final List<OutboxMessage> published = new ArrayList<>();
        final List<List<OutboxMessage>> batches = new ArrayList<>();
        Predicate<OutboxMessage> failWhen = message -> false;
        Predicate<OutboxMessage> writtenButUnacknowledged = message -> false;

        @Override
        public synchronized List<Outcome> publishAll(List<OutboxMessage> messages, Instant sendBy) {
            batches.add(List.copyOf(messages));
            List<Outcome> outcomes = new ArrayList<>();
            for (OutboxMessage message : messages) {
                if (failWhen.test(message)) {
                    outcomes.add(Outcome.failed(message, "broker unavailable (test)"));
                } else if (writtenButUnacknowledged.test(message)) {
                    published.add(message);
                    outcomes.add(Outcome.failed(message, "acknowledgement lost (test)"));
                } else {
                    published.add(message);
                    outcomes.add(Outcome.acknowledged(message));
                }
            }
            return outcomes;
        }

        /** Puts a message on its topic as a relay that died before marking it would have. */
        synchronized void alreadyOnTopic(OutboxMessage message) {
            published.add(message);
        }

        synchronized List<String> eventIds() {
            return published.stream().map(OutboxMessage::eventId).toList();
        }
    }

    /** Answers from what the {@link RecordingPublisher} put on the topics; {@code down} makes every check fail. */
    static final class TopicLedger implements PublicationLedger {
        private final RecordingPublisher topics;
        boolean down;
        int checks;

        TopicLedger(RecordingPublisher topics) {
            this.topics = topics;
        }

        @Override
        public Set<String> alreadyPublished(List<OutboxMessage> pending) {
            checks++;
            if (down) {
                throw new LedgerUnavailableException("broker unavailable (test)", null);
            }
            Set<String> onTopics = new java.util.HashSet<>(topics.eventIds());
            return pending.stream().map(OutboxMessage::eventId).filter(onTopics::contains)
                    .collect(java.util.stream.Collectors.toSet());
        }
    }
}
