package vn.childprotection.platform.reporting.application.port.out;

/**
 * A selection holds more facts than one computation may keep in memory ({@code reporting.stats.max-facts}): the
 * reader stops reading and nothing is computed. A narrower period or place is the remedy.
 */
public final class TooManyFactsException extends RuntimeException {

    private final long maxFacts;

    public TooManyFactsException(long maxFacts) {
        super("the selection holds more than " + maxFacts + " facts");
        this.maxFacts = maxFacts;
    }

    public long maxFacts() {
        return maxFacts;
    }
}
