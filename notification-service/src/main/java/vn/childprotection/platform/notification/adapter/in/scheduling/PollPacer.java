package vn.childprotection.platform.notification.adapter.in.scheduling;

import java.time.Duration;

/**
 * When the delivery poller looks next (not thread-safe; {@link DeliveryScheduler} guards it). While looks find work
 * the pause is {@code busy}; each look that finds nothing doubles it, up to {@code idle}. A wake-up (a consumed event
 * may have recorded a notification) brings the pace back to {@code busy} and the next look forward — at once when the
 * last look is at least {@code busy} ago, else {@code busy} after it: wake-ups never make the poller look more often
 * than the busy pace, however many events arrive.
 */
final class PollPacer {

    private final long busyMillis;
    private final long idleMillis;
    private long pauseMillis;

    PollPacer(Duration busy, Duration idle) {
        if (busy.isNegative() || busy.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive");
        }
        this.busyMillis = busy.toMillis();
        this.idleMillis = Math.max(idle.toMillis(), busyMillis);
        this.pauseMillis = busyMillis;
    }

    /** @return the pause before the next look, after a look that found work (or not) */
    long afterLook(boolean foundWork) {
        pauseMillis = foundWork ? busyMillis : Math.min(Math.max(pauseMillis * 2, busyMillis), idleMillis);
        return pauseMillis;
    }

    /**
     * Work may have arrived.
     * @param sinceLastLookMillis time since the last look ended
     * @return the delay of the next look
     */
    long wokenUp(long sinceLastLookMillis) {
        pauseMillis = busyMillis;
        return Math.max(0, busyMillis - Math.max(0, sinceLastLookMillis));
    }

    long currentPauseMillis() {
        return pauseMillis;
    }
}
