package vn.childprotection.platform.access;

/** An access decision, a value: the web edge turns {@link Forbidden} into a 403 and {@link Hidden} into a 404. */
public sealed interface Decision {

    record Allowed() implements Decision {
    }

    /** No role of the caller may ever do this (403). */
    record Forbidden(String reason) implements Decision {
    }

    /** The caller's role may, but not on this resource: its existence is not revealed (404). */
    record Hidden(String reason) implements Decision {
    }

    default boolean allowed() {
        return this instanceof Allowed;
    }
}
