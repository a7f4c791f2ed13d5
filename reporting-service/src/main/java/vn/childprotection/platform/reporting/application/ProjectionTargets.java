package vn.childprotection.platform.reporting.application;

import vn.childprotection.platform.contracts.Event;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongFunction;

/**
 * Which generations the live consumer writes to. Normally the active one only; while a rebuild runs, every live event
 * is also kept for the generation being built, and applied to it (idempotently, by event id) once the rebuild has
 * written its folded facts — just before the pointer switches. The switch takes the write lock, so no live event can
 * be half-applied across it and nothing that arrives during a rebuild is lost. One instance of the service runs a
 * rebuild; the pointer document makes the switch visible to every reader.
 */
public final class ProjectionTargets {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile long active;
    private volatile Long building;
    private final List<Event> pending = new ArrayList<>();

    public ProjectionTargets(long active) {
        this.active = active;
    }

    public long active() {
        return active;
    }

    public OptionalLong building() {
        Long value = building;
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /** Applies a live event to the active generation and keeps it for the one being built, if any. */
    public <T> T live(Event event, LongFunction<T> applyTo) {
        lock.readLock().lock();
        try {
            T result = applyTo.apply(active);
            if (building != null) {
                synchronized (pending) {
                    pending.add(event);
                }
            }
            return result;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** @return false when a rebuild is already running */
    public synchronized boolean startBuilding(long generation) {
        if (building != null) {
            return false;
        }
        synchronized (pending) {
            pending.clear();
        }
        building = generation;
        return true;
    }

    /** Takes the live events kept so far (applied outside the lock, while live events keep flowing). */
    public List<Event> drainPending() {
        synchronized (pending) {
            List<Event> drained = new ArrayList<>(pending);
            pending.clear();
            return drained;
        }
    }

    /**
     * Under the write lock: applies the last kept events to the new generation, then switches to it.
     *
     * @param applyRest applies the remaining kept events to the generation being built
     * @param switchPointer makes the new generation active in the store
     */
    public void complete(java.util.function.Consumer<List<Event>> applyRest, Runnable switchPointer) {
        lock.writeLock().lock();
        try {
            applyRest.accept(drainPending());
            switchPointer.run();
            active = building;
            building = null;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public void abort() {
        lock.writeLock().lock();
        try {
            building = null;
            drainPending();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
