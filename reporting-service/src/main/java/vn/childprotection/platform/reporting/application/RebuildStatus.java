package vn.childprotection.platform.reporting.application;

import java.time.Instant;

/**
 * The progress of one rebuild of the projections from the beginning of the topics.
 *
 * @param eventsTotal     the messages up to the end offsets taken at the start
 * @param eventsPerSecond messages read and folded per second so far (the whole rebuild once COMPLETED)
 */
public record RebuildStatus(String rebuildId, State state, long eventsRead, long eventsTotal, double eventsPerSecond,
                            Instant startedAt, Instant finishedAt, long generation, long factsWritten,
                            String error) {

    public enum State { RUNNING, COMPLETED, FAILED }
}
