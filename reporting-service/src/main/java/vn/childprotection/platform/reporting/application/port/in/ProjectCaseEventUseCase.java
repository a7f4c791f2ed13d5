package vn.childprotection.platform.reporting.application.port.in;

import vn.childprotection.platform.contracts.CaseEvent;

/** Applies one event of {@code case.events.v1} to the fact documents. Safe to call again with the same event. */
public interface ProjectCaseEventUseCase {

    Outcome project(CaseEvent event);

    /** What the event did, for metrics and the processed-events ledger. */
    enum Outcome {
        /** A fact was created or changed. */
        APPLIED,
        /** The facts already reflected this event. */
        DUPLICATE,
        /** The facts already reflected a newer event: nothing was overwritten. */
        STALE,
        /** The event type adds nothing to the facts yet (e.g. EscalationRaised.v1); recorded as processed. */
        IGNORED
    }
}
