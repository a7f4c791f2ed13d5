package vn.childprotection.platform.reporting.domain;

/**
 * What an event does to a fact: the new fact, or nothing, with the reason as a value (never an exception).
 *
 * @param <F> the fact type
 */
public sealed interface Projection<F> {

    /** The event changes the fact (or creates it): store {@code fact}. */
    record Applied<F>(F fact) implements Projection<F> {
    }

    /** The fact stays as it is. */
    record Unchanged<F>(Reason reason) implements Projection<F> {
    }

    enum Reason {
        /** The fact already reflects this very event (a redelivery or a replay). */
        DUPLICATE,
        /** The fact already reflects a newer event of the same entity: an older one must not overwrite it. */
        STALE
    }

    static <F> Projection<F> applied(F fact) {
        return new Applied<>(fact);
    }

    static <F> Projection<F> unchanged(Reason reason) {
        return new Unchanged<>(reason);
    }
}
