package vn.childprotection.platform.reporting.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Objects;

/**
 * The position of an event in the history of one entity (a case, a referral): its {@code occurredAt}, at millisecond
 * precision (the precision facts are stored with), the event id breaking ties so that every replay orders two
 * events the same way.
 */
public record EventVersion(Instant occurredAt, String eventId) implements Comparable<EventVersion> {

    private static final Comparator<EventVersion> ORDER =
            Comparator.comparing(EventVersion::occurredAt).thenComparing(EventVersion::eventId);

    public EventVersion {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(eventId, "eventId");
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
    }

    public boolean isOlderThan(EventVersion other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(EventVersion other) {
        return ORDER.compare(this, other);
    }
}
