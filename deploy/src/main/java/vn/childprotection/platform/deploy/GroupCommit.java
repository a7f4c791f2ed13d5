package vn.childprotection.platform.deploy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Commits never beside a command, and no acknowledgement before the write is in the file. Commands run side by side
 * (mongo-java-server locks each collection itself); a commit, and the housekeeping between commits (compaction), run
 * alone on a thread of their own, when no command is running. A command that writes returns only once a commit that
 * includes it has been written (group commit: one commit serves every write that was applied while the previous one
 * was being written).
 *
 * <p>Why: H2's MVStore frees a chunk at a commit or a compaction once the newest version no longer needs it. A
 * command that was still walking an older version of a map — a query scanning a collection while other clients
 * wrote and H2 committed from their threads and compacted on its background thread — then read a page of a chunk
 * that was gone ("Chunk N not found"), and H2 closed the store. Here no command runs while chunks are freed. And an
 * acknowledged write that was still only in memory (H2 committed about once a second) was lost when the process was
 * killed; written to the file before its reply, it survives the process (not a power cut: there is no fsync per
 * commit, as MongoDB without {@code j: true}).
 *
 * <p>A commit that fails leaves the store failed for good: every later command fails at once with that cause (the
 * caller decides what to do: {@link MongoStandInMain} exits, so that a restart recovers from the last commit).
 */
final class GroupCommit implements AutoCloseable {

    /** What the commit thread does under the lock. */
    interface Store {
        /** Makes every change so far durable (H2: {@code MVStore.commit()}, which writes a chunk). */
        void commit();

        /** Bounded maintenance between commits (compaction); called at most every {@code housekeepingInterval}. */
        void housekeeping();
    }

    /** The store failed (a commit threw): nothing it is asked any more can be made durable. */
    static final class StoreFailedException extends RuntimeException {
        StoreFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A write waited longer than {@code commitTimeout} for its commit: its outcome is unknown to the caller. */
    static final class CommitTimeoutException extends RuntimeException {
        CommitTimeoutException(String message) {
            super(message);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final Store store;
    private final Duration housekeepingInterval;
    private final Duration commitTimeout;
    private final java.util.function.Consumer<Throwable> onFailure;
    /** Shared by the commands; held alone by every commit and the housekeeping. */
    private final ReentrantReadWriteLock access = new ReentrantReadWriteLock();
    /** Guards the counters below; never held while waiting for {@link #access}. */
    private final ReentrantLock progress = new ReentrantLock();
    private final Condition writeArrived = progress.newCondition();
    private final Condition committedAdvanced = progress.newCondition();
    private long written;
    private long committed;
    private long commits;
    private long committedWrites;
    private long commitNanos;
    private long housekeepingNanos;
    private long lastCommitNanos = System.nanoTime();
    private volatile Throwable failure;
    private volatile boolean closing;
    private final Thread committer;

    /** @param onFailure told once, on the commit thread, when a commit failed */
    GroupCommit(Store store, Duration housekeepingInterval, Duration commitTimeout,
                java.util.function.Consumer<Throwable> onFailure) {
        this.store = store;
        this.onFailure = onFailure;
        this.housekeepingInterval = housekeepingInterval;
        this.commitTimeout = commitTimeout;
        this.committer = Thread.ofPlatform().name("store-commit").daemon().unstarted(this::commitLoop);
        this.committer.start();
    }

    /** Runs a command that only reads, never beside a commit or compaction. */
    <T> T read(Supplier<T> command) {
        checkNotFailed();
        access.readLock().lock();
        try {
            checkNotFailed();
            return command.get();
        } finally {
            access.readLock().unlock();
        }
    }

    /**
     * Runs a command, never beside a commit or compaction, and returns its answer once a commit has made its changes
     * durable.
     */
    <T> T write(Supplier<T> command) {
        checkNotFailed();
        T answer;
        long sequence;
        access.readLock().lock();
        try {
            checkNotFailed();
            answer = command.get();
        } finally {
            // even a command that threw may have changed something before it did; counted while the lock is held,
            // so that the commit that takes the lock next includes it
            sequence = arrived();
            access.readLock().unlock();
        }
        awaitCommitted(sequence);
        return answer;
    }

    /** {@code null} while the store commits; the failure that stopped it otherwise. */
    Throwable failure() {
        return failure;
    }

    /** Writes that have been applied and are waiting for their commit. */
    long pendingWrites() {
        progress.lock();
        try {
            return written - committed;
        } finally {
            progress.unlock();
        }
    }

    /** How long ago the last commit finished. */
    Duration sinceLastCommit() {
        progress.lock();
        try {
            return Duration.ofNanos(System.nanoTime() - lastCommitNanos);
        } finally {
            progress.unlock();
        }
    }

    /** Commits so far, the writes they made durable, and the time spent committing and compacting. */
    record Statistics(long commits, long writes, Duration committing, Duration housekeeping) {
    }

    Statistics statistics() {
        progress.lock();
        try {
            return new Statistics(commits, committedWrites, Duration.ofNanos(commitNanos),
                    Duration.ofNanos(housekeepingNanos));
        } finally {
            progress.unlock();
        }
    }

    /**
     * Stops the commit thread after a last commit of everything written so far; the caller closes the store after.
     * Commands still arriving run but are not waited for any more.
     */
    @Override
    public void close() {
        closing = true;
        progress.lock();
        try {
            writeArrived.signalAll();
        } finally {
            progress.unlock();
        }
        try {
            committer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long arrived() {
        progress.lock();
        try {
            long sequence = ++written;
            writeArrived.signal();
            return sequence;
        } finally {
            progress.unlock();
        }
    }

    private void awaitCommitted(long sequence) {
        long remaining = commitTimeout.toNanos();
        progress.lock();
        try {
            while (committed < sequence) {
                checkNotFailed();
                if (closing && !committer.isAlive()) {
                    throw new StoreFailedException("the store is closing", null);
                }
                if (remaining <= 0) {
                    throw new CommitTimeoutException("the store did not commit the write within " + commitTimeout);
                }
                remaining = committedAdvanced.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommitTimeoutException("interrupted while waiting for the commit");
        } finally {
            progress.unlock();
        }
    }

    private void checkNotFailed() {
        Throwable failed = failure;
        if (failed != null) {
            throw new StoreFailedException("the store failed and accepts no more commands: " + failed, failed);
        }
    }

    private void commitLoop() {
        long lastHousekeeping = System.nanoTime();
        while (true) {
            long target;
            long commitTime;
            long housekeepingTime;
            progress.lock();
            try {
                while (written == committed && !closing
                        && System.nanoTime() - lastHousekeeping < housekeepingInterval.toNanos()) {
                    writeArrived.awaitNanos(housekeepingInterval.toNanos());
                }
                if (closing && written == committed) {
                    return;
                }
                target = written;
            } catch (InterruptedException e) {
                return;
            } finally {
                progress.unlock();
            }
            access.writeLock().lock();
            try {
                // no command runs now: every write counted so far has been applied and is in this commit
                progress.lock();
                try {
                    target = written;
                } finally {
                    progress.unlock();
                }
                long started = System.nanoTime();
                store.commit();
                long committedAt = System.nanoTime();
                commitTime = committedAt - started;
                housekeepingTime = 0;
                if (committedAt - lastHousekeeping >= housekeepingInterval.toNanos() && !closing) {
                    store.housekeeping();
                    store.commit();
                    lastHousekeeping = System.nanoTime();
                    housekeepingTime = lastHousekeeping - committedAt;
                }
            } catch (RuntimeException | Error e) {
                fail(e);
                return;
            } finally {
                access.writeLock().unlock();
            }
            progress.lock();
            try {
                committedWrites += target - committed;
                committed = target;
                commits++;
                commitNanos += commitTime;
                housekeepingNanos += housekeepingTime;
                lastCommitNanos = System.nanoTime();
                committedAdvanced.signalAll();
            } finally {
                progress.unlock();
            }
        }
    }

    private void fail(Throwable cause) {
        log.error("the store failed to commit; it accepts no more commands (a restart recovers from the last commit)",
                cause);
        failure = cause;
        progress.lock();
        try {
            committedAdvanced.signalAll();
        } finally {
            progress.unlock();
        }
        onFailure.accept(cause);
    }
}
