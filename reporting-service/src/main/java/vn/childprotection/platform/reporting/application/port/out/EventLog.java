package vn.childprotection.platform.reporting.application.port.out;

import vn.childprotection.platform.contracts.Event;

/** The consumed topics read from their beginning up to their end when the replay starts (a rebuild). */
public interface EventLog {

    /** Feeds every readable event to {@code sink}; malformed messages are skipped (they were dead-lettered live). */
    Replay replay(Sink sink);

    interface Sink {
        void accept(Event event);

        /**
         * Called now and then with the messages read so far and the total to read; first with {@code read} = 0,
         * before any {@link #accept}.
         */
        void progress(long read, long total);
    }

    record Replay(long messagesRead, long malformed) {
    }
}
