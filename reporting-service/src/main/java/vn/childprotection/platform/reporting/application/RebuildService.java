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
    private final AtomicReference<RebuildStatus> current = new AtomicReference<>();

    public RebuildService(EventLog eventLog, FactStore store, Generations generations, ProjectionTargets targets,
                          EventProjector projector, Executor executor, Clock clock) {
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
        FactFold fold = new FactFold();
        long[] progress = new long[2];
        EventLog.Replay replay;
        long previous;
        long tRead;
        long tWritten;
        try {
            store.drop(generation);
            replay = eventLog.replay(new EventLog.Sink() {
                @Override
                public void accept(Event event) {
                    fold.fold(event);
                }

                @Override
                public void progress(long read, long total) {
                    progress[0] = read;
                    progress[1] = total;
                    publish(new RebuildStatus(started.rebuildId(), RebuildStatus.State.RUNNING, read, total,
                            rate(read, t0), started.startedAt(), null, generation, 0, null));
                }
            });
            tRead = System.nanoTime();
            fold.attachContexts();
            store.insertAll(generation, fold.cases(), fold.referrals(), fold.notifications());
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
        double overall = replay.messagesRead() / Math.max(seconds, 1e-9);
        long facts = fold.cases().size() + fold.referrals().size() + fold.notifications().size();
        log.info("Rebuild {} completed: {} messages ({} malformed skipped, {} duplicates) in {} s — {} events/s "
                        + "overall, {} events/s read and folded; {} facts in generation {}. Phases: read+fold {} ms, "
                        + "write and index {} ms, live events+switch {} ms",
                started.rebuildId(), replay.messagesRead(), replay.malformed(), fold.duplicates(),
                String.format("%.3f", seconds), Math.round(overall),
                Math.round(replay.messagesRead() / Math.max((tRead - t0) / 1e9, 1e-9)), facts, generation,
                (tRead - t0) / 1_000_000, (tWritten - tRead) / 1_000_000, (tSwitched - tWritten) / 1_000_000);
        try {
            publish(new RebuildStatus(started.rebuildId(), RebuildStatus.State.COMPLETED, replay.messagesRead(),
                    Math.max(progress[1], replay.messagesRead()), overall, started.startedAt(), clock.instant(),
                    generation, facts, null));
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

    private static double rate(long events, long t0) {
        double seconds = Duration.ofNanos(System.nanoTime() - t0).toNanos() / 1e9;
        return seconds <= 0 ? 0 : Math.round(events / seconds * 10) / 10.0;
    }
}
