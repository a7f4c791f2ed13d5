package vn.childprotection.platform.reporting.domain;

/** What one event did to one fact (a value, never an exception). */
public enum ProjectionOutcome {
    /** The fact changed (or was created). */
    APPLIED,
    /** The fact already reflects this very event (a redelivery or a replay): nothing changed. */
    DUPLICATE,
    /**
     * The fact already reflects a newer event of the same entity: the event's timestamps were merged (earliest
     * wins) but the status did not move backwards.
     */
    STALE,
    /** The event adds nothing to this kind of fact. */
    IGNORED
}
