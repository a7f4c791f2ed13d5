package vn.childprotection.platform.notification.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Repeats a store write with exponential back-off until it succeeds or a deadline would be passed. Used for the
 * outcome of a delivery: the notification's lease is the time this dispatcher has to store it; when a store outage
 * outlasts the lease minus {@link Policy#safetyMargin()} the write is given up and the notification is offered again
 * when its lease runs out (a second delivery, under the same notification id as idempotency key).
 *
 * <p>Plain Java rather than a Resilience4j {@code Retry} in the adapter: the limit is a per-notification deadline
 * (the lease of that claim), not a fixed number of attempts, and the application layer must decide it (it knows the
 * lease); Resilience4j's {@code Retry} counts attempts from static configuration. Plain Java also keeps the rule
 * testable without Spring and without sleeping (the {@link Sleeper} and the {@link Clock} are injected).
 */
public final class StoreRetry {

    /** Pauses the calling thread; {@link #THREAD} in production, a fake that advances a test clock in tests. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper THREAD = pause -> Thread.sleep(pause);

        void sleep(Duration pause) throws InterruptedException;
    }

    /**
     * @param initialBackoff first pause after a failed write
     * @param multiplier     growth of the pause after each further failure
     * @param maxBackoff     longest pause
     * @param safetyMargin   how long before the lease runs out the last write must have started: longer than the
     *                       store client's own time-out (server selection, 5 s: platform.store-client), so that a
     *                       write never lands after another dispatcher claimed the notification again
     */
    public record Policy(Duration initialBackoff, double multiplier, Duration maxBackoff, Duration safetyMargin) {
        public static final Policy DEFAULT = new Policy(Duration.ofMillis(200), 2.0, Duration.ofSeconds(5),
                Duration.ofSeconds(60));

        public Policy {
            Objects.requireNonNull(initialBackoff, "initialBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            Objects.requireNonNull(safetyMargin, "safetyMargin");
            if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0
                    || multiplier < 1.0 || safetyMargin.isNegative()) {
                throw new IllegalArgumentException("0 < initialBackoff <= maxBackoff, multiplier >= 1, margin >= 0");
            }
        }
    }

    /** The write did not succeed before the deadline (or the thread was interrupted); the last failure is the cause. */
    public static final class GaveUp extends RuntimeException {
        private final int attempts;

        GaveUp(String message, int attempts, RuntimeException last) {
            super(message, last);
            this.attempts = attempts;
        }

        public int attempts() {
            return attempts;
        }
    }

    private static final System.Logger log = System.getLogger(StoreRetry.class.getName());

    private final Policy policy;
    private final Clock clock;
    private final Sleeper sleeper;

    public StoreRetry(Policy policy, Clock clock, Sleeper sleeper) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * Runs {@code write} (which must be idempotent: a replace by id) until it succeeds; a retry is started only if it
     * starts before {@code leaseUntil - safetyMargin}.
     * @param what for the log: ids and codes only, never personal data
     * @return how many attempts it took
     * @throws GaveUp when the deadline came first or the thread was interrupted
     */
    public int run(Runnable write, Instant leaseUntil, String what) {
        Instant deadline = leaseUntil.minus(policy.safetyMargin());
        Duration pause = policy.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                write.run();
                if (attempt > 1) {
                    log.log(System.Logger.Level.INFO, "{0} stored after {1} attempts", what, attempt);
                }
                return attempt;
            } catch (RuntimeException failed) {
                Instant now = clock.instant();
                if (now.plus(pause).isAfter(deadline)) {
                    throw new GaveUp(what + " not stored before " + deadline + " (lease minus margin) after "
                            + attempt + " attempt(s): " + failed.getClass().getSimpleName(), attempt, failed);
                }
                if (attempt == 1 || Integer.bitCount(attempt) == 1) { // 1st, 2nd, 4th, 8th ... failure
                    log.log(System.Logger.Level.WARNING, "{0} not stored (attempt {1}): {2}; trying again until {3}",
                            what, attempt, failed.getClass().getSimpleName(), deadline);
                }
                try {
                    sleeper.sleep(pause);
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    throw new GaveUp(what + " not stored: interrupted after " + attempt + " attempt(s)", attempt,
                            failed);
                }
                pause = next(pause);
            }
        }
    }

    private Duration next(Duration pause) {
        long millis = (long) Math.min(pause.toMillis() * policy.multiplier(), policy.maxBackoff().toMillis());
        return Duration.ofMillis(Math.max(millis, pause.toMillis()));
    }
}
