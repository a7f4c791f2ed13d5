package vn.childprotection.platform.reporting.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.childprotection.platform.contracts.Event;
import vn.childprotection.platform.reporting.application.port.out.EventLog;
import vn.childprotection.platform.reporting.application.port.out.FactStore;
import vn.childprotection.platform.reporting.application.port.out.Generations;
import vn.childprotection.platform.reporting.domain.FactFold;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds every projection from the beginning of the topics into a new generation: reads the topics up to the end
 * offsets taken at the start, folds the events in memory ({@link FactFold}, deduplicated by event id), writes the
 * facts in bulk, applies the live events that arrived meanwhile, then switches the pointer atomically and drops the
 * old generation. The old figures are served until the switch. One rebuild at a time.
 *
 * <p><b>Bounded memory.</b> The fold holds the facts of the cases it folds. When the log holds more than
 * {@code maxEventsPerPass} messages, the rebuild makes several passes over it, each folding and writing the cases
 * whose id falls in its share (a case's facts, its referrals' and its notifications' all carry its id, so a pass
 * never needs another pass's facts); the memory then holds about {@code maxEventsPerPass} events' worth of facts.
 */
public final class RebuildService {

    private static final Logger log = LoggerFactory.getLogger(RebuildService.class);

    private final EventLog eventLog;
    private final FactStore store;
    private final Generations generations;
    private final ProjectionTargets targets;
    private final EventProjector projector;
    private final Executor executor;
    private final Clock clock;
    private final long maxEventsPerPass;
    private final AtomicReference<RebuildStatus> current = new AtomicReference<>();

    /** @param maxEventsPerPass a log of more messages is rebuilt in several passes (bounded memory) */
    public RebuildService(EventLog eventLog, FactStore store, Generations generations, ProjectionTargets targets,
                          EventProjector projector, Executor executor, Clock clock, long maxEventsPerPass) {
        if (maxEventsPerPass < 1) {
            throw new IllegalArgumentException("maxEventsPerPass must be positive");
        }
        this.maxEventsPerPass = maxEventsPerPass;
        this.eventLog = eventLog;
        this.store = store;
        this.generations = generations;
        this.targets = targets;
        this.projector = projector;
        this.executor = executor;
        this.clock = clock;
    }

    /** A rebuild RUNNING when the service stopped never completes: marks it FAILED and drops its generation. */
    public void recoverInterrupted() {
        generations.latestRebuild().filter(s -> s.state() == RebuildStatus.State.RUNNING).ifPresent(stale -> {
            if (stale.generation() != generations.active()) {
                store.drop(stale.generation());
            }
            generations.saveRebuild(new RebuildStatus(stale.rebuildId(), RebuildStatus.State.FAILED,
                    stale.eventsRead(), stale.eventsTotal(), stale.eventsPerSecond(), stale.startedAt(),
                    clock.instant(), stale.generation(), 0, "interrupted: the service stopped during the rebuild"));
        });
    }

    /** Starts a rebuild; empty when one is running already. */
    public Optional<RebuildStatus> start() {
        long generation = Math.max(generations.active(),
                generations.latestRebuild().map(RebuildStatus::generation).orElse(0L)) + 1;
        if (!targets.startBuilding(generation)) {
            return Optional.empty();
        }
        RebuildStatus status = new RebuildStatus(UUID.randomUUID().toString(), RebuildStatus.State.RUNNING, 0, 0, 0,
                clock.instant(), null, generation, 0, null);
        publish(status);
        try {
            executor.execute(() -> run(status));
        } catch (RuntimeException rejected) {
            targets.abort();
            publish(failed(status, 0, 0, rejected));
            throw rejected;
        }
        return Optional.of(status);
    }

    public Optional<RebuildStatus> latest() {
        RebuildStatus status = current.get();
        return status != null ? Optional.of(status) : generations.latestRebuild();
    }

    private void run(RebuildStatus started) {
        long generation = started.generation();
        long t0 = System.nanoTime();
        long[] progress = new long[2];
        Passes passes = new Passes();
        long previous;
        long tRead = 0;
        long tWritten;
        try {
            store.drop(generation);
            do {
                long tPass = System.nanoTime();
                FactFold fold = new FactFold(projector.areas());
                EventLog.Replay replay = eventLog.replay(new EventLog.Sink() {
                    @Override
                    public void accept(Event event) {
                        if (passes.owns(event.caseId())) {
                            fold.fold(event);
                        }
                    }

                    @Override
                    public void progress(long read, long total) {
                        if (read == 0 && passes.index() == 0) {
                            // the first call, before any event: the pass count follows from the log's size
                            passes.count((int) Math.min(Integer.MAX_VALUE,
                                    Math.max(1, (total + maxEventsPerPass - 1) / maxEventsPerPass)));
                        }
                        progress[0] = passes.index() * total + read;
                        progress[1] = passes.count() * total;
                        publish(new RebuildStatus(started.rebuildId(), RebuildStatus.State.RUNNING, progress[0],
                                progress[1], rate(progress[0], t0), started.startedAt(), null, generation, 0, null));
                    }
                });
                long tFolded = System.nanoTime();
                tRead += tFolded - tPass;
                fold.attachContexts();
                store.insertAll(generation, fold.cases(), fold.referrals(), fold.notifications());
                long factsOfPass = passes.record(replay, fold);
                if (passes.count() > 1) {
                    log.info("Rebuild {} pass {} of {}: {} messages read, {} facts folded in {} ms, written in {} ms",
                            started.rebuildId(), passes.index() + 1, passes.count(), replay.messagesRead(),
                            factsOfPass, (tFolded - tPass) / 1_000_000, (System.nanoTime() - tFolded) / 1_000_000);
                }
            } while (passes.advance());
            store.prepare(generation);
            tWritten = System.nanoTime();
            // live events that arrived meanwhile: most of them now, the last ones under the switch lock
            projector.applyTo(generation, targets.drainPending());
            previous = generations.active();
            targets.complete(rest -> projector.applyTo(generation, rest), () -> generations.activate(generation));
        } catch (RuntimeException e) {
            log.error("Rebuild {} failed; generation {} dropped, the active one keeps serving",
                    started.rebuildId(), generation, e);
            targets.abort();
            try {
                store.drop(generation);
            } catch (RuntimeException dropFailed) {
                log.warn("Could not drop generation {}", generation, dropFailed);
            }
            publish(failed(started, progress[0], progress[1], e));
            return;
        }
        // switched: the new generation serves, and nothing below may drop it
        long tSwitched = System.nanoTime();
        double seconds = (tSwitched - t0) / 1e9;
        long messages = passes.messages();
        double overall = messages / Math.max(seconds, 1e-9);
        long facts = passes.facts();
        log.info("Rebuild {} completed: {} messages ({} malformed skipped, {} duplicates) in {} s — {} events/s "
                        + "overall, {} events/s read and folded; {} facts in generation {}, {} pass(es). Phases: "
                        + "read+fold {} ms, write and index {} ms, live events+switch {} ms",
                started.rebuildId(), messages, passes.malformed(), passes.duplicates(),
                String.format("%.3f", seconds), Math.round(overall),
                Math.round(messages * passes.count() / Math.max(tRead / 1e9, 1e-9)), facts, generation,
                passes.count(), tRead / 1_000_000, (tWritten - t0 - tRead) / 1_000_000,
                (tSwitched - tWritten) / 1_000_000);
        try {
            publish(new RebuildStatus(started.rebuildId(), RebuildStatus.State.COMPLETED, messages, messages,
                    overall, started.startedAt(), clock.instant(), generation, facts, null));
        } catch (RuntimeException e) {
            log.warn("Rebuild {}: generation {} serves, but its status could not be saved", started.rebuildId(),
                    generation, e);
        }
        if (previous != generation) {
            // after the switch and outside the rebuild's time: the old generation no longer serves anything
            long tDrop = System.nanoTime();
            try {
                store.drop(previous);
                log.info("Rebuild {}: old generation {} dropped in {} ms", started.rebuildId(), previous,
                        (System.nanoTime() - tDrop) / 1_000_000);
            } catch (RuntimeException e) {
                log.warn("Rebuild {}: could not drop the old generation {}", started.rebuildId(), previous, e);
            }
        }
    }

    private RebuildStatus failed(RebuildStatus started, long read, long total, RuntimeException e) {
        return new RebuildStatus(started.rebuildId(), RebuildStatus.State.FAILED, read, total, 0,
                started.startedAt(), clock.instant(), started.generation(), 0, e.getClass().getSimpleName());
    }

    private void publish(RebuildStatus status) {
        current.set(status);
        if (status.state() != RebuildStatus.State.RUNNING || status.eventsRead() == 0
                || status.eventsRead() == status.eventsTotal()) {
            generations.saveRebuild(status);
        }
    }

    /**
     * Which pass of a rebuild runs, and what the passes found. Pass {@code i} of {@code n} folds the cases whose id's
     * hash is {@code i} modulo {@code n} ({@link String#hashCode} is the same in every JVM); every pass reads the whole
     * log, so the log's size and its malformed messages are those of one pass, and the facts and duplicates add up.
     */
    private static final class Passes {
        private int index;
        private int count = 1;
        private long messages;
        private long malformed;
        private long duplicates;
        private long facts;

        int index() {
            return index;
        }

        int count() {
            return count;
        }

        void count(int passes) {
            count = passes;
        }

        boolean owns(String caseId) {
            return count == 1 || Math.floorMod(caseId == null ? 0 : caseId.hashCode(), count) == index;
        }

        /** @return the facts of this pass */
        long record(EventLog.Replay replay, FactFold fold) {
            long folded = fold.cases().size() + fold.referrals().size() + fold.notifications().size();
            messages = Math.max(messages, replay.messagesRead());
            malformed = Math.max(malformed, replay.malformed());
            duplicates += fold.duplicates();
            facts += folded;
            return folded;
        }

        boolean advance() {
            index++;
            return index < count;
        }

        long messages() {
            return messages;
        }

        long malformed() {
            return malformed;
        }

        long duplicates() {
            return duplicates;
        }

        long facts() {
            return facts;
        }
    }

    private static double rate(long events, long t0) {
        double seconds = Duration.ofNanos(System.nanoTime() - t0).toNanos() / 1e9;
        return seconds <= 0 ? 0 : Math.round(events / seconds * 10) / 10.0;
    }
}
